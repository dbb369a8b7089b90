import { type Problem, ProblemAlert, problemOf, useApi } from "@cadre/ui"
import { Alert, Form, Input, Modal, Select, TreeSelect } from "antd"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import {
  editableStatuses,
  type PostRow,
  type PostStatus,
  type RegionRow,
  regionTree,
  type UnitRow,
} from "./manage-helpers"

interface PostValues {
  readonly title: string
  readonly regionId?: string
  readonly unitId?: string
  readonly status?: PostStatus
}

/** The post title as the server takes it: trimmed, 1–100 characters. */
const titleRules = (t: (key: string) => string) => [
  { required: true, whitespace: true, message: t("posts.titleRequired") },
  { max: 100, message: t("posts.titleTooLong") },
]

/**
 * New post (title, region, optional unit) or an edit of one (title; vacant ↔ closed). Validates in the user's
 * language; a refusal keeps the dialog open with the server's explanation (stale → reload).
 */
export const PostDialog = ({
  post,
  regions,
  units,
  onClose,
  onSaved,
}: {
  /** The post to edit; null for a new one. */
  readonly post: PostRow | null
  readonly regions: ReadonlyArray<RegionRow>
  readonly units: ReadonlyArray<UnitRow>
  readonly onClose: () => void
  readonly onSaved: (saved: { readonly title: string }) => void
}) => {
  const { t } = useTranslation("manage")
  const api = useApi()
  const [form] = Form.useForm<PostValues>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const tree = useMemo(() => regionTree(regions), [regions])
  const regionId = Form.useWatch("regionId", form)
  const regionPath = regions.find((r) => r.id === regionId)?.path
  const unitChoices =
    regionPath === undefined ? units : units.filter((u) => u.regionPath.startsWith(regionPath))

  const submit = async (values: PostValues) => {
    setBusy(true)
    setProblem(null)
    try {
      const title = values.title.trim()
      const saved =
        post === null
          ? await api.posts.create.mutate({
              title,
              ...(values.regionId === undefined ? {} : { regionId: values.regionId }),
              ...(values.unitId === undefined ? {} : { unitId: values.unitId }),
            })
          : await api.posts.update.mutate({
              id: post.id,
              expectedVersion: post.version,
              ...(title === post.title ? {} : { title }),
              ...(values.status === undefined || values.status === post.status
                ? {}
                : { status: values.status }),
            })
      onSaved(saved)
    } catch (error) {
      setProblem(problemOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={post === null ? t("posts.createTitle") : t("posts.editTitle", { title: post.title })}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert
        problem={problem}
        onClose={() => setProblem(null)}
        onReload={() => window.location.reload()}
        testId="refusal"
        style={{ marginBottom: 12 }}
      />
      <Form<PostValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={post === null ? {} : { title: post.title, status: post.status }}
      >
        <Form.Item name="title" label={t("posts.title")} rules={titleRules(t)}>
          <Input placeholder={t("posts.titlePlaceholder")} autoComplete="off" />
        </Form.Item>
        {post === null ? (
          <>
            <Form.Item
              name="regionId"
              label={t("posts.region")}
              rules={[{ required: true, message: t("posts.regionRequired") }]}
            >
              <TreeSelect
                treeData={tree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: "title" }}
                data-testid="post-region"
                onChange={() => form.setFieldValue("unitId", undefined)}
              />
            </Form.Item>
            <Form.Item name="unitId" label={t("posts.unit")} extra={t("posts.unitHelp")}>
              <Select
                allowClear
                placeholder={t("posts.unitNone")}
                data-testid="post-unit"
                options={unitChoices.map((u) => ({ value: u.id, label: u.name }))}
                onChange={(id: string | undefined) => {
                  // The server files the post under the unit's region: show that region.
                  const unit = units.find((u) => u.id === id)
                  if (unit !== undefined) form.setFieldValue("regionId", unit.regionId)
                }}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="status" label={t("posts.status")}>
            <Select
              disabled={post.status === "filled"}
              data-testid="post-status-select"
              options={editableStatuses(post.status).map((s) => ({
                value: s,
                label: t(`posts.statuses.${s}`),
              }))}
            />
          </Form.Item>
        )}
        {post?.status === "filled" ? <Alert type="info" showIcon title={t("posts.filledNote")} /> : null}
      </Form>
    </Modal>
  )
}
