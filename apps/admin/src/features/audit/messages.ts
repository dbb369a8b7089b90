import type { Messages } from "@cadre/ui"

/** Messages of the audit log screen (namespace `audit`). */
export const auditZh = {
  title: "操作日志",
  intro: "本范围内每一项变更的记录：谁、何时、做了什么。记录只可查询，不能修改或删除。",
  kind: "对象类型",
  anyKind: "全部类型",
  from: "起始日期",
  to: "截止日期",
  mine: "只看我的操作",
  reset: "清除筛选",
  badRange: "截止日期不能早于起始日期",
  columns: { at: "时间", actor: "操作人", action: "操作", entity: "对象类型", region: "所属区域" },
  empty: "没有符合条件的操作记录",
  pager: "第 {{page}} 页",
  previous: "上一页",
  next: "下一页",
}

export const auditEn: Messages<typeof auditZh> = {
  title: "Audit log",
  intro: "Every change in this scope: who did what, and when. The log can be read, never changed or deleted.",
  kind: "Record type",
  anyKind: "All types",
  from: "From",
  to: "To",
  mine: "Only my actions",
  reset: "Clear filters",
  badRange: "The end date cannot be before the start date",
  columns: { at: "Time", actor: "By", action: "Action", entity: "Record type", region: "Region" },
  empty: "No audit rows match",
  pager: "Page {{page}}",
  previous: "Previous",
  next: "Next",
}
