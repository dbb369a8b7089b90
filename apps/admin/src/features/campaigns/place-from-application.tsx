import { ProblemAlert, problemOf } from "@cadre/ui"
import { useMutation } from "@tanstack/react-query"
import { App as AntdApp, Button, Popconfirm } from "antd"
import { useTranslation } from "react-i18next"
import { useTRPC } from "../../api/query"
import { navigate } from "../../routes/navigation"
import { useSession } from "../../session/session"

/** States after the appointment, from which the cadre's placement (任职安排) is made. */
const PLACEABLE = new Set(["appointed", "reported_in"])

/**
 * 建立任职安排: the org dept (`placement.create`) turns an appointed application into a placement on its post,
 * under the campaign's scheme version (placements.fromApplication), then opens it — where the street takes it up.
 * The server refuses a second placement for the same application, in the clerk's language.
 */
export const PlaceFromApplication = ({
  applicationId,
  state,
  name,
}: {
  readonly applicationId: string
  readonly state: string
  readonly name: string
}) => {
  const { t } = useTranslation("admin")
  const { message } = AntdApp.useApp()
  const { session } = useSession()
  const trpc = useTRPC()
  const place = useMutation(trpc.placements.fromApplication.mutationOptions())
  const may = session.status === "signedIn" && session.me.permissions.includes("placement.create")
  if (!may || !PLACEABLE.has(state)) return null
  return (
    <>
      <Popconfirm
        title={t("campaign.place.confirm", { name })}
        okText={t("campaign.flow.confirm")}
        cancelText={t("campaign.cancel")}
        onConfirm={() =>
          place.mutate(
            { applicationId },
            {
              onSuccess: (placement) => {
                void message.success(t("campaign.place.done", { name }))
                navigate(`/placements/${encodeURIComponent(placement.id)}`)
              },
            },
          )
        }
      >
        <Button
          size="small"
          autoInsertSpace={false}
          loading={place.isPending}
          data-testid="place-from-application"
        >
          {t("campaign.place.action")}
        </Button>
      </Popconfirm>
      {place.error ? (
        <ProblemAlert problem={problemOf(place.error)} onClose={() => place.reset()} testId="place-refusal" />
      ) : null}
    </>
  )
}
