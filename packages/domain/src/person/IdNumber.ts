import { Schema } from "effect"

// PLACEHOLDER — to be completed: GB 11643-1999 18-digit citizen ID number.
export const IdNumber = Schema.String.pipe(Schema.brand("IdNumber"))
export type IdNumber = typeof IdNumber.Type
