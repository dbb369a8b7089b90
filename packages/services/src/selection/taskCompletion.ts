import { type Tx, taskQueries } from "@cadre/db"
import { type LocalDate, Selection } from "@cadre/domain"
import { Effect, Either } from "effect"

/**
 * Close the open tasks of an application whose step it has left (called inside the move's transaction). A date
 * before a task's history (a back-dated move) leaves that task to be closed by hand.
 */
export const completeTasksLeftBehind = (
  tx: Tx,
  applicationId: string,
  state: string,
  by: string,
  on: LocalDate.LocalDate,
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const open = yield* taskQueries.openTasksOfApplication(tx, applicationId)
    for (const row of open) {
      if (row.step === state) continue
      const task = yield* taskQueries.decodeTask(row.id, row.body)
      const done = Selection.completeTask(task, by, on)
      if (Either.isLeft(done)) continue
      yield* taskQueries.completeTask(tx, done.right, row.version)
    }
  })
