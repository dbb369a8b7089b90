import { createI18n, UiBaseProvider } from "@cadre/ui"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { portalResources } from "./i18n"
import { App } from "./routes"

const container = document.getElementById("root")
if (container === null) throw new Error("#root is missing from index.html")

// Without antd's App frame: pages that use its hooks bring it with their own code (issue 17: a light first page).
const i18n = createI18n({ resources: portalResources, defaultNS: "portal" })

createRoot(container).render(
  <StrictMode>
    <UiBaseProvider i18n={i18n}>
      <App />
    </UiBaseProvider>
  </StrictMode>,
)
