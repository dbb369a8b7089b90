/**
 * A placement (任职安排): one cadre in one post, made under the scheme version in force on its date; each move is
 * checked against the version of that scheme in force on the move's date (issue 13), never an older one. The
 * checked state machine `transition(placement, move, ctx)` is pure and refuses an illegal move with a bilingual
 * explanation; every legal move is appended to the history.
 *
 *   placed ──TakeUp──▶ on_probation  (the scheme has probation: 000 三（一） 先在居民区党组织担任副书记见习)
 *          └─TakeUp──▶ in_term       (no probation)
 *   on_probation / probation_extended
 *          ──Confirm (elected, with the date and the street's assessment)──▶ in_term
 *          ──ExtendProbation (assessment)──▶ probation_extended   (000 三（一） 适当延长见习期)
 *          ──ReturnToUnit (assessment)────▶ returned_to_unit       (000 三（一） 返回派出单位)
 *   in_term ──EndTerm (on or after the term end)──▶ term_ended
 *   term_ended ──StayOn (the cadre wishes, the org dept decides)──▶ in_term (a new term)   (000 一 留任)
 *              ──Exit──▶ exited
 *   on_probation / probation_extended / in_term
 *          ──Recall (a scheme trigger with action "recall", or a decision)──▶ recalled          (002 三（二）)
 *          ──Adjust (a scheme trigger with action "adjust_or_return", decided by the body it names)
 *                   ──▶ adjusted | returned_to_unit                                           (000 三（四）)
 *   RecordRelation (转组织关系…) in any open state, never for a relation the scheme keeps (000 一（二）1).
 *
 * "Confirmed" is `in_term` with `confirmation` set: the election date and the assessment it rests on.
 *
 * Term end (期满日): the start plus the scheme's `term.length` (5 years, 2 years, 1 year, 6 months…) with
 * month-end clamping (inpost/Dates.ts). It is the day on which the term has been served in full; the last day
 * in post is the day before. Where the scheme states no length (004 晋城, 淮上) the appointment must state the end;
 * where the length is qualified (原则上/一般) the appointment may state another end; otherwise it may not.
 *
 * The parts live in inpost/placement/: the states (State), what is kept on record (Records), the moves and the
 * error refusing one (Moves), the placement and its constructor (Model), what it reads from the scheme
 * (FromScheme) and the state machine (Transition). This module re-exports them all.
 *
 * @since 0.1.0
 */

export * from "./placement/FromScheme.js"
export * from "./placement/Model.js"
export * from "./placement/Moves.js"
export * from "./placement/Records.js"
export * from "./placement/State.js"
export * from "./placement/Transition.js"
