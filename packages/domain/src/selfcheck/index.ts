/**
 * The self-check of a public campaign (自查): the same kernel verdict on the server and in the visitor's browser.
 *
 * @since 0.1.0
 */
export * from "./SelfCheck.js"
