import type { RouterOutputs } from "@cadre/client"
import { useLanguage } from "@cadre/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { Flex, Select, Typography } from "antd"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"

export type Assignee = RouterOutputs["tasks"]["assignees"]["items"][number]

/** How many names the picker shows at once; past that, the clerk types part of the name (the server searches). */
const SHOWN = 20

/**
 * Choose a reviewer BY NAME (issue 16): the accounts that may take a review task in the caller's scope
 * (`tasks.assignees`), searched on the server as the clerk types, each with role and unit or region. The value is
 * the account id, which the clerk never sees. Nothing is chosen until the clerk chooses.
 */
export const AssigneeSelect = ({
  value,
  onChange,
  onPicked,
  exclude,
  applicationId,
  id,
  testId,
}: {
  readonly value?: string
  readonly onChange?: (value: string | undefined) => void
  /** The chosen reviewer as shown (for the message after the move). */
  readonly onPicked?: (assignee: Assignee | undefined) => void
  /** Leave this account out (the task's holder, the reviewer handing over). */
  readonly exclude?: string | undefined
  /** Only reviewers whose scope covers this application. */
  readonly applicationId?: string | undefined
  readonly id?: string
  readonly testId?: string
}) => {
  const { t } = useTranslation("admin")
  const lang = useLanguage() === "en" ? "en" : "zh"
  const trpc = useTRPC()
  const [typed, setTyped] = useState("")
  const [name, setName] = useState("")
  // Ask the server once the clerk pauses typing, not at every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setName(typed.trim()), 250)
    return () => clearTimeout(timer)
  }, [typed])
  const [chosen, setChosen] = useState<Assignee | undefined>(undefined)
  const list = useQuery(
    trpc.tasks.assignees.queryOptions(
      {
        limit: SHOWN,
        ...(name === "" ? {} : { name }),
        ...(exclude === undefined ? {} : { exclude }),
        ...(applicationId === undefined ? {} : { applicationId }),
      },
      { placeholderData: keepPreviousData },
    ),
  )
  const items = list.data?.items ?? []
  // The chosen one stays an option while another search shows other names, so its name stays in the box.
  const options = [
    ...items,
    ...(chosen !== undefined && !items.some((a) => a.accountId === chosen.accountId) ? [chosen] : []),
  ]
  const more = (list.data?.total ?? 0) > items.length
  return (
    <Select<string>
      {...(id === undefined ? {} : { id })}
      data-testid={testId}
      value={value ?? null}
      placeholder={t("tasks.picker.placeholder")}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={list.isFetching}
      notFoundContent={list.isPending ? null : t("tasks.picker.none")}
      onChange={(next) => {
        const picked = options.find((a) => a.accountId === next)
        setChosen(picked)
        onPicked?.(picked)
        onChange?.(next)
      }}
      options={options.map((a) => ({ value: a.accountId, label: a.name, assignee: a }))}
      optionRender={(option) => {
        const a = (option.data as { assignee: Assignee }).assignee
        return (
          <Flex vertical>
            <span>{a.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.roleLabel[lang]}
              {a.scopeName === null ? "" : ` · ${a.scopeName}`}
            </Typography.Text>
          </Flex>
        )
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {more ? (
            <Typography.Text type="secondary" style={{ display: "block", padding: "4px 12px", fontSize: 12 }}>
              {t("tasks.picker.more", { total: list.data?.total ?? 0 })}
            </Typography.Text>
          ) : null}
        </>
      )}
      style={{ width: "100%" }}
    />
  )
}
