export * from "./Access.js"
