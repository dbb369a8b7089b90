/** The figures page's common pieces: a section's frame, a filter, a subtitle, table defaults, a placement's link. */
import { ProblemAlert, problemOf } from "@cadre/ui"
import { Card, Flex, Select, Spin, Typography } from "antd"
import type { ReactNode } from "react"
import type { Load } from "../../api/use-load"

export const placementHref = (id: string) => `/placements/${encodeURIComponent(id)}`

/** A section's frame: its title and filters, then a spinner, the server's explanation, or the figures. */
export const Section = <T,>({
  title,
  extra,
  note,
  load,
  testId,
  children,
}: {
  readonly title: string
  readonly extra?: ReactNode
  readonly note?: string
  readonly load: Load<T>
  readonly testId: string
  readonly children: (data: T) => ReactNode
}) => {
  return (
    <Card
      title={<span style={{ whiteSpace: "normal" }}>{title}</span>}
      data-testid={testId}
      styles={{ body: { minWidth: 0 } }}
    >
      <Flex vertical gap={12} style={{ minWidth: 0 }}>
        {extra === undefined ? null : (
          <Flex wrap gap={12} align="center">
            {extra}
          </Flex>
        )}
        {note === undefined ? null : <Typography.Text type="secondary">{note}</Typography.Text>}
        {load.state === "loading" ? (
          <Spin />
        ) : load.state === "failed" ? (
          <ProblemAlert problem={problemOf(load.error)} />
        ) : (
          children(load.data)
        )}
      </Flex>
    </Card>
  )
}

/** A labelled picker that wraps to its own line on a phone. */
export const Picker = ({
  label,
  value,
  options,
  onChange,
  testId,
  width = 220,
}: {
  readonly label: string
  readonly value: string
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly onChange: (value: string) => void
  readonly testId: string
  readonly width?: number
}) => (
  <Flex wrap align="center" gap={8} style={{ minWidth: 0, maxWidth: "100%" }}>
    <Typography.Text>{label}</Typography.Text>
    <Select
      aria-label={label}
      data-testid={testId}
      value={value}
      options={[...options]}
      onChange={onChange}
      style={{ width, maxWidth: "100%" }}
      popupMatchSelectWidth={false}
    />
  </Flex>
)

/** The figures' tables: compact, unpaged unless a section pages them, scrolling sideways on a phone. */
export const tableProps = { size: "small", pagination: false, scroll: { x: "max-content" } } as const

/** A heading inside a section, above one chart and its table. */
export const Subtitle = ({ children }: { readonly children: ReactNode }) => (
  <Typography.Title level={3} style={{ fontSize: 16, margin: "8px 0 0" }}>
    {children}
  </Typography.Title>
)
