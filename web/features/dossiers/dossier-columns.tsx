import { Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { DossierListItem } from './dossiers.types';

/** The dossier code, linking to its page: the first column of every list of dossiers. */
export function codeColumn(t: TFunction, testId: string): ColumnType<DossierListItem> {
  return {
    title: t('dossiers.fields.code'),
    dataIndex: 'code',
    width: 160,
    render: (code: string, d) => (
      <Link to={`/admin/dossiers/${d.id}`} data-testid={testId} className="wrap-anywhere">
        {code}
      </Link>
    ),
  };
}

/** The procedure with the applicant underneath. */
export function procedureAndApplicantColumn(t: TFunction): ColumnType<DossierListItem> {
  return {
    title: t('dossiers.queue.procedureAndApplicant'),
    dataIndex: 'procedureName',
    render: (name: string, d) => (
      <div className="wrap-anywhere">
        {name}
        <div>
          <Typography.Text type="secondary">{d.applicantName}</Typography.Text>
        </div>
      </div>
    ),
  };
}
