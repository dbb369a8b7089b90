import { Text } from "@cadre/domain"
import { Schema } from "effect"

/**
 * Holiday data that does not make a valid `WorkCalendar`: the data package's table is malformed (a bad date, a
 * make-up working day on a weekday, a date both off and on), or admin-entered years clash (the same year twice).
 * A deployment or storage bug, not a user error: the package is pinned and admin years are validated when stored.
 */
export class CalendarDataInvalid extends Schema.TaggedError<CalendarDataInvalid>()("CalendarDataInvalid", {
  /** Where the data came from, e.g. "chinese-days 1.5.7" or "管理员录入 / entered by admin". */
  source: Schema.String,
  /** What is wrong, in both languages. */
  detail: Text,
}) {
  /** The message in both languages, zh-CN first. */
  get text(): Text {
    return {
      zh: `节假日数据无效（${this.source}）：${this.detail.zh}`,
      en: `Invalid holiday data (${this.source}): ${this.detail.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}
