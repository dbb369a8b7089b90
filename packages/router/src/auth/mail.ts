/**
 * Sends the e-mails of self-registration. Deployments plug in their mail service; the default writes the message
 * to the server log (development, demos, tests) at `warn`, as the phone sender does: a production log showing
 * codes is a misconfiguration someone should notice.
 *
 * Registration never says on screen whether an address is taken (issue 15, ASVS 2.2.x / 3.x): a free address gets
 * a code; a taken one gets a notice that it already has an account (sign in, or reset the password) — only the
 * mailbox's owner learns which.
 */
export type RegistrationMail =
  | { readonly kind: "code"; readonly code: string }
  | { readonly kind: "already_registered" }

export interface EmailSender {
  readonly send: (email: string, mail: RegistrationMail) => Promise<void>
}

/** The default sender: the message goes to the log. */
export const logEmailSender = (log: {
  readonly warn: (msg: string, fields?: Readonly<Record<string, unknown>>) => void
}): EmailSender => ({
  send: async (email, mail) => {
    if (mail.kind === "code")
      log.warn("e-mail verification code (log sender: configure a mail sender in production)", {
        email,
        code: mail.code,
      })
    else log.warn("e-mail registration notice: the address already has an account (log sender)", { email })
  },
})
