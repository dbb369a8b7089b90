import type { Messages } from "@cadre/ui"

/** The admin app's own messages (namespace `admin`); shared ones are in @cadre/ui's `common`. */
const zhCN = {
  title: "干部选派管理平台",
  audience: "区委组织部、街道（乡镇）党（工）委和派出单位使用的管理端",
  intro:
    "在这里制定和维护选派方案，组织选派活动，管理选派干部从报名、资格审查、确定人选到在岗管理和考核的全过程。每一条资格规则都写明依据的文件条款，审查结果逐条说明理由。",
  areasTitle: "功能",
  comingSoon: "即将上线",
  areas: {
    schemes: {
      title: "选派方案",
      text: "各类选派项目（选派居民区书记、第一书记、后备干部、挂职锻炼）的人选条件、程序与期限，按版本生效。",
    },
    campaigns: {
      title: "选派活动",
      text: "发布报名通知，汇总单位推荐和个人报名，逐条审查资格，确定人选并公示。",
    },
    cadres: {
      title: "干部管理",
      text: "在岗干部的报到、半年报告、请销假、考核与一人一档。",
    },
  },
  statusTitle: "系统状态",
}

const en: Messages<typeof zhCN> = {
  title: "Cadre Dispatch Administration",
  audience:
    "For the district organisation department, street and township Party committees, and dispatching units",
  intro:
    "Write and maintain dispatch schemes, run selection campaigns, and follow dispatched cadres from application, eligibility review and decision to their time in post and assessment. Every eligibility rule names the clause it comes from, and every review explains its findings rule by rule.",
  areasTitle: "What you can do here",
  comingSoon: "Coming soon",
  areas: {
    schemes: {
      title: "Schemes",
      text: "Eligibility, procedure and deadlines of each programme (community secretaries, first secretaries, reserve cadres, secondments), in force by version.",
    },
    campaigns: {
      title: "Campaigns",
      text: "Announce a call, collect unit recommendations and applications, review eligibility rule by rule, decide and publish.",
    },
    cadres: {
      title: "Cadres",
      text: "Arrival, half-year reports, leave, assessment and the personal file of each cadre in post.",
    },
  },
  statusTitle: "System status",
}

/** Resources for `createI18n`. */
export const adminResources = { "zh-CN": { admin: zhCN }, en: { admin: en } }
