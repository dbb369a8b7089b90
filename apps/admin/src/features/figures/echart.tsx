import type { EChartsCoreOption, EChartsType } from "echarts/core"
import { useEffect, useRef } from "react"

/**
 * One ECharts chart, drawn as SVG. ECharts is imported when the first chart mounts (its own chunk); the chart
 * follows the window's size and is disposed on unmount. The numbers are in the table under every chart, so the
 * drawing is an image with a name for screen readers.
 */
export const EChart = ({
  option,
  label,
  height = 240,
  testId,
}: {
  readonly option: EChartsCoreOption
  readonly label: string
  readonly height?: number
  readonly testId?: string
}) => {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  // The latest option, for the moment the chart is created (ECharts may arrive after a newer option).
  const latest = useRef(option)

  useEffect(() => {
    let disposed = false
    const resize = () => chart.current?.resize()
    void import("./echarts-setup").then(({ echarts }) => {
      if (disposed || container.current === null) return
      const c = echarts.init(container.current, undefined, { renderer: "svg" })
      c.setOption(latest.current)
      chart.current = c
      window.addEventListener("resize", resize)
    })
    return () => {
      disposed = true
      window.removeEventListener("resize", resize)
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    latest.current = option
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: "100%", minWidth: 0, height }}
    />
  )
}
