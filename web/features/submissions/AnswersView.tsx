import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EFormDefinition } from '../catalog/catalog.types';
import { localText } from '../catalog/eform-rules';
import { answerText } from './submission-form';

/** The e-form's answers, read-only, section by section under the form's own labels (the desk's and the applicant's view). */
export function AnswersView({ definition, answers }: { definition: EFormDefinition; answers: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const yesNo = { yes: t('submissions.answers.yes'), no: t('submissions.answers.no') };
  return (
    <div data-testid="answers">
      {definition.sections.map((section) => (
        <section key={section.key} aria-labelledby={`answers-${section.key}`} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} id={`answers-${section.key}`} style={{ marginTop: 4 }}>
            {localText(section.title, lang)}
          </Typography.Title>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: '40%' } }}
            items={section.fields.map((f) => {
              const text = answerText(definition, f.key, answers[f.key], lang, yesNo);
              return {
                key: f.key,
                label: localText(f.label, lang),
                children: text ? <span className="wrap-anywhere">{text}</span> : <Typography.Text type="secondary">{t('submissions.answers.empty')}</Typography.Text>,
              };
            })}
          />
        </section>
      ))}
    </div>
  );
}
