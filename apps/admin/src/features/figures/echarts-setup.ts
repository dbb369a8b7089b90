import { BarChart } from "echarts/charts"
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { SVGRenderer } from "echarts/renderers"

/**
 * The parts of ECharts the figures screen draws with, and nothing else (tree-shaken from echarts/core). Loaded on
 * demand by EChart, so the rest of the admin does not download it.
 */
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export { echarts }
