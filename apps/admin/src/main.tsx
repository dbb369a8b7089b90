import { createI18n, UiProvider } from "@cadre/ui"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { adminResources } from "./i18n"
import { App } from "./routes"

const container = document.getElementById("root")
if (container === null) throw new Error("#root is missing from index.html")

const i18n = createI18n({ resources: adminResources, defaultNS: "admin" })

createRoot(container).render(
  <StrictMode>
    <UiProvider i18n={i18n}>
      <App />
    </UiProvider>
  </StrictMode>,
)
