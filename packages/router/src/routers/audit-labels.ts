import type { Text } from "@cadre/domain"

/**
 * Names for the audit log's codes (issue 16: names, never codes, on screen). An action is written `entity.verb`
 * by each command; the entity and the verb are named here, and a verb not listed reads as 变更 (changed), so a new
 * command never shows its code. The acting account is named by the query; a system actor by {@link actorLabel}.
 */

const t = (zh: string, en: string): Text => ({ zh, en })

export const ENTITY_LABELS: Readonly<Record<string, Text>> = {
  account: t("账号", "account"),
  api_token: t("接口令牌", "API token"),
  application: t("报名", "application"),
  archive: t("个人档案", "archive"),
  assessment: t("考核", "assessment"),
  calendar_local_year: t("本地工作日历", "local calendar"),
  calendar_year: t("工作日历", "calendar year"),
  campaign: t("选派批次", "campaign"),
  demo: t("演示数据", "demo data"),
  eligibility: t("资格审查", "eligibility"),
  evaluation: t("评议", "evaluation"),
  export: t("导出", "export"),
  import: t("导入", "import"),
  inspection: t("巡查", "inspection"),
  leave: t("请假", "leave"),
  mentoring: t("结对帮带", "mentoring"),
  person: t("人员信息", "person"),
  placement: t("任职安排", "placement"),
  pool: t("后备人选库", "reserve pool"),
  pool_review: t("后备人选年度评议", "pool review"),
  post: t("岗位", "post"),
  profile: t("个人信息", "profile"),
  region: t("区域", "region"),
  report: t("工作报告", "report"),
  reserve: t("后备人选", "reserve"),
  reserve_member: t("后备人选", "reserve member"),
  scheme: t("选派方案", "scheme"),
  task: t("办理任务", "task"),
  training: t("教育培训", "training"),
  unit: t("单位", "unit"),
}

const VERB_LABELS: Readonly<Record<string, Text>> = {
  create: t("新建", "created"),
  create_own: t("本人填报", "entered by the person"),
  create_draft: t("新建草稿", "draft created"),
  create_top: t("新建顶级区域", "top region created"),
  create_top_undone: t("撤销新建顶级区域", "top region undone"),
  update: t("修改", "updated"),
  update_own: t("本人修改", "updated by the person"),
  update_draft: t("修改草稿", "draft updated"),
  save_draft: t("保存草稿", "draft saved"),
  discard_draft: t("放弃草稿", "draft discarded"),
  publish: t("发布", "published"),
  rename: t("更名", "renamed"),
  merge: t("合并", "merged"),
  fill: t("到岗占用", "filled"),
  vacate: t("空出", "vacated"),
  assign: t("分派", "assigned"),
  enter: t("入库", "entered"),
  advance: t("调整", "advanced"),
  submit: t("提交", "submitted"),
  review: t("评议", "reviewed"),
  record: t("登记", "recorded"),
  record_conduct: t("登记处分或问题线索", "conduct recorded"),
  read_whole: t("查看完整身份信息", "whole record read"),
  link_own: t("关联本人账号", "own record linked"),
  link_account: t("关联账号", "account linked"),
  import_batch: t("批量导入", "imported"),
  commit: t("确认导入", "committed"),
  cancel: t("取消", "cancelled"),
  load: t("载入", "loaded"),
  pair: t("结对", "paired"),
  end: t("结束", "ended"),
  request: t("申请", "requested"),
  absence: t("登记擅自离岗", "absence recorded"),
  consequences: t("处理结果", "consequences"),
  recommendUse: t("推荐使用", "recommended for use"),
  survey: t("满意度测评", "survey"),
  revoke: t("吊销", "revoked"),
  issue: t("签发", "issued"),
  open: t("开放报名", "opened"),
  close: t("结束报名", "closed"),
  apply: t("报名", "applied"),
  recommend: t("推荐", "recommended"),
  decide: t("研究决定", "decided"),
  rescreen: t("重新审查", "re-screened"),
  resubmit: t("重新提交", "resubmitted"),
  withdraw: t("撤回", "withdrawn"),
  Screen: t("资格审查", "screened"),
  Waive: t("豁免条件", "condition waived"),
  Withdraw: t("撤回", "withdrawn"),
  Advance: t("进入下一环节", "advanced"),
  Appoint: t("任职", "appointed"),
  Approve: t("批准", "approved"),
  Refuse: t("不予批准", "refused"),
  Reject: t("不予通过", "rejected"),
  Return: t("退回或销假", "returned"),
  Decide: t("研究决定", "decided"),
  ReportIn: t("报到", "reported in"),
  StartNotice: t("开始公示", "notice started"),
  FileObjection: t("登记异议", "objection filed"),
  ResolveObjection: t("处理异议", "objection resolved"),
  ResolveFinding: t("处理人工审核项", "check resolved"),
  JointReview: t("联审意见", "joint review"),
  Inspection: t("考察", "inspection"),
  Interview: t("面试评分", "interview"),
  QualificationReview: t("资格复审", "qualification review"),
  OverrideDeadline: t("调整时限", "deadline overridden"),
  OverrideOpinion: t("改变意见", "opinion overridden"),
  TakeUp: t("到岗", "took up the post"),
  EndTerm: t("任期届满", "term ended"),
  StayOn: t("留任", "stayed on"),
  Exit: t("离任", "exited"),
  Adjust: t("调整", "adjusted"),
  Recall: t("召回", "recalled"),
  RecallGrade: t("召回定为不称职", "recall graded"),
  Grade: t("评定等次", "graded"),
  FirstOpinion: t("初评意见", "first opinion"),
  role: t("变更角色", "role changed"),
  scope: t("变更范围", "scope changed"),
  provision: t("开通", "provisioned"),
  register: t("注册", "registered"),
  compensate: t("撤销开通", "provisioning undone"),
  append: t("归档", "filed"),
  file: t("归档", "filed"),
  filed: t("归档", "filed"),
  ensure: t("建档", "file opened"),
  seal: t("封存", "sealed"),
  reopen: t("启封", "reopened"),
}

const CHANGED = t("变更", "changed")

/** 人员信息：修改 — the action's entity and verb by name. */
export const actionLabel = (action: string): Text => {
  const dot = action.indexOf(".")
  const entity = dot < 0 ? undefined : ENTITY_LABELS[action.slice(0, dot)]
  const verb = VERB_LABELS[dot < 0 ? action : action.slice(dot + 1)] ?? CHANGED
  if (action === "export") return t("导出", "export")
  return entity === undefined ? verb : { zh: `${entity.zh}：${verb.zh}`, en: `${entity.en}: ${verb.en}` }
}

/** The entity by name (an unlisted one reads as 其他记录). */
export const entityLabel = (entity: string): Text => ENTITY_LABELS[entity] ?? t("其他记录", "other record")

/** The acting account's name; a system actor (`system:…`, the demo loader, a job) reads as 系统. */
export const actorLabel = (accountId: string, name: string | null): Text =>
  accountId.startsWith("system:")
    ? t("系统", "system")
    : name === null
      ? t("已删除的账号", "removed account")
      : { zh: name, en: name }
