/**
 * The portal's paths with a parameter: a programme's page, its self-check and its application. Kept apart from
 * the pages so that the route table can resolve a path without loading the page's code (pages load on demand).
 */

export const PROGRAMMES_PATH = "/programmes"

export const programmePath = (id: string) => `${PROGRAMMES_PATH}/${encodeURIComponent(id)}`
export const selfCheckPath = (id: string) => `${programmePath(id)}/check`
export const applyPath = (id: string) => `${programmePath(id)}/apply`

/** The programme id in a path of the given shape (`suffix` "" for its page), or undefined. */
const idIn =
  (suffix: "" | "/check" | "/apply") =>
  (path: string): string | undefined => {
    const m = new RegExp(`^/programmes/([^/]+)${suffix}$`).exec(path)
    if (m?.[1] === undefined) return undefined
    try {
      return decodeURIComponent(m[1])
    } catch {
      return undefined
    }
  }

/** The id in `/programmes/<id>`, or undefined for any other path. */
export const programmeIdOf = idIn("")
/** The id in `/programmes/<id>/check`, or undefined. */
export const selfCheckIdOf = idIn("/check")
/** The id in `/programmes/<id>/apply`, or undefined. */
export const applyIdOf = idIn("/apply")
