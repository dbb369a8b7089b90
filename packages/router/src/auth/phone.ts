/**
 * Sends phone verification codes. Deployments plug in their SMS gateway; the default writes the code to the
 * server log (development, demos, tests), which is why it logs at `warn`: a production log showing codes is a
 * misconfiguration someone should notice.
 */
export interface PhoneCodeSender {
  readonly send: (phone: string, code: string) => Promise<void>
}

/** The default sender: the code goes to the log. */
export const logPhoneCodeSender = (log: {
  readonly warn: (msg: string, fields?: Readonly<Record<string, unknown>>) => void
}): PhoneCodeSender => ({
  send: async (phone, code) => {
    log.warn("phone verification code (log sender: configure an SMS sender in production)", { phone, code })
  },
})
