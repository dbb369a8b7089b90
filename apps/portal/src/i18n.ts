import type { Messages } from "@cadre/ui"

/** The portal's own messages (namespace `portal`); shared ones are in @cadre/ui's `common`. */
const zhCN = {
  title: "选派干部报名",
  tagline: "选派干部报名门户",
  intro:
    "面向有意参加选派的干部：注册账号，填写个人信息，选择正在报名的选派项目并提交申请，随时查看资格审查结果和未通过的具体理由。",
  stepsTitle: "报名流程",
  steps: {
    register: { title: "注册账号", text: "使用手机号注册并完成实名认证。" },
    profile: { title: "填写个人信息", text: "学历、党龄、任职经历等，一次填写，多次使用。" },
    apply: { title: "选择项目报名", text: "查看正在报名的选派项目及条件，提交申请。" },
    result: { title: "查看审查结果", text: "逐条查看资格审查结论及依据的文件条款。" },
  },
  register: "注册",
  signIn: "登录",
  openingSoon: "报名功能即将开放，敬请关注本单位组织人事部门的通知。",
  statusTitle: "系统状态",
  help: "如有疑问，请联系所在单位组织人事部门。",
}

const en: Messages<typeof zhCN> = {
  title: "Apply for Cadre Dispatch",
  tagline: "Cadre dispatch applications",
  intro:
    "For cadres who wish to be dispatched: create an account, fill in your profile, choose an open programme and apply, and follow the eligibility review with the reason for every rule you do not meet.",
  stepsTitle: "How to apply",
  steps: {
    register: {
      title: "Create an account",
      text: "Register with your mobile number and verify your identity.",
    },
    profile: {
      title: "Fill in your profile",
      text: "Education, Party standing, work history: once, for every application.",
    },
    apply: {
      title: "Apply to a programme",
      text: "See the programmes open for applications and their conditions, then apply.",
    },
    result: {
      title: "See the review",
      text: "Read the eligibility findings rule by rule, with the clause each comes from.",
    },
  },
  register: "Register",
  signIn: "Sign in",
  openingSoon:
    "Applications open soon; watch for the notice from your unit's organisation and personnel office.",
  statusTitle: "System status",
  help: "Questions? Contact your unit's organisation and personnel office.",
}

/** Resources for `createI18n`. */
export const portalResources = { "zh-CN": { portal: zhCN }, en: { portal: en } }
