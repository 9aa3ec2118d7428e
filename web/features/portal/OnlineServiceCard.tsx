import { Button, Card, Flex, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicProcedure } from '../catalog/catalog.types';
import { localText } from '../catalog/eform-rules';
import { OnlineModeTag } from './OnlineModeTag';

/** Where the portal's online submission of a procedure lives (the page itself belongs to the online submission feature). */
export const onlineSubmissionPath = (procedureId: string) => `/nop-ho-so/${procedureId}`;

/**
 * The procedure's online service as the catalog states it (NĐ 42/2022/NĐ-CP Điều 11 khoản 1: toàn trình or một phần),
 * what that means for the citizen, and — when the dossier can be submitted online — the way in.
 */
export function OnlineServiceCard({ procedure }: { procedure: PublicProcedure }) {
  const { t, i18n } = useTranslation();
  const { mode, submission } = procedure.onlineService;
  return (
    <Card size="small" title={t('portal.online.title')} data-testid="online-service">
      <Flex vertical gap={8} align="flex-start">
        <OnlineModeTag mode={mode === 'none' ? procedure.onlineMode : mode} />
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t(`portal.online.explain.${mode}`)}</Typography.Paragraph>
        {submission && procedure.eForm ? (
          <Typography.Text type="secondary">{t('portal.online.eform', { title: localText(procedure.eForm.title, i18n.language) })}</Typography.Text>
        ) : null}
        {submission ? (
          <Link to={onlineSubmissionPath(procedure.procedureId)} data-testid="submit-online">
            <Button type="primary" icon={<CloudUploadOutlined />} tabIndex={-1}>
              {t('portal.online.submit')}
            </Button>
          </Link>
        ) : null}
      </Flex>
    </Card>
  );
}
