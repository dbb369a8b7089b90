import react from "@vitejs/plugin-react"
import { defineConfig, type ProxyOptions } from "vite"
import { initialJs } from "../../tooling/vite/initial-js.js"

// The SPA calls the API as /api/*; the dev server and `vite preview` forward it to API_URL without the prefix,
// so the browser never needs CORS. In production a reverse proxy does the same.
const apiUrl = process.env.API_URL ?? "http://127.0.0.1:3000"
const proxy: Record<string, ProxyOptions> = {
  "/api": { target: apiUrl, changeOrigin: true, rewrite: (path) => path.replace(/^\/api(?=\/|\?|$)/, "") },
}

export default defineConfig({
  // Issue 16: the first load stays under 450 kB gzip. Every page is a lazy route (src/routes), and antd is split
  // by use (no single antd chunk): the sign-in page does not carry the tables, charts and editors.
  // CADRE_NO_BUDGET=1 for a development build (unminified React, to read its errors), which is larger.
  plugins: [react(), ...(process.env.CADRE_NO_BUDGET === "1" ? [] : [initialJs(450)])],
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  build: { chunkSizeWarningLimit: 1500 },
})
