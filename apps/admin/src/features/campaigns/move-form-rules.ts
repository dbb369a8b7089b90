/** What the move forms share: the deciding bodies, the required rules in the user's language, and date bounds. */

export const decidingBodies = ["org_dept", "org_dept_meeting", "standing_committee", "street"] as const

/** Required-field rules with the flow's message for the field; a text field must hold more than spaces. */
export const requiredRules = (t: (key: string) => string) => {
  const required = (key: string) => ({ required: true, message: t(`campaign.flow.required.${key}`) })
  const requiredText = (key: string) => ({ ...required(key), whitespace: true })
  return { required, requiredText }
}

/** ISO date of an `<input type="date">`: today or earlier. */
export const notAfter = (limit: string, message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    value === undefined || value === "" || value <= limit
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
})
/** ISO date on or after `limit`, when there is one. */
export const notBefore = (limit: string | undefined, message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    limit === undefined || value === undefined || value === "" || value >= limit
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
})
