/**
 * Why (pupil): the cause boxes of the paper tool. A tap picks a box and each further tap
 * shades it more (litt → en del → mye → not picked), like shading the paper card.
 * "Noe annet?" takes the pupil's own words.
 */

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Picture } from '../../components/picture';
import { usePresentation, useReadOnTap } from '../../components/presentation';
import { StepFrame } from '../../components/step-frame';
import { CAUSE_IDS, type CauseId, type CauseSize } from '../../domain/catalog';
import { setCause, setCauseOtherText } from '../../domain/conversation';
import { pictureOf } from '../../lib/pictures';
import { applyToActive, useActiveConversation } from '../../stores/library-store';
import { goTo } from '../../stores/step-navigation';

function nextSize(size: CauseSize | undefined): CauseSize | null {
  if (size === undefined) return 1;
  return size === 3 ? null : ((size + 1) as CauseSize);
}

export default function CausesScreen() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const otherId = useId();
  const { pictures } = usePresentation();
  const readOnTap = useReadOnTap();

  const cycle = (cause: CauseId) => void applyToActive((c, now) => setCause(c, cause, nextSize(c.causes[cause]), now));

  return (
    <StepFrame
      step="causes"
      title={t('causes.heading')}
      intro={<p>{t('causes.intro')}</p>}
      onBack={() => void goTo('welcome')}
      onNext={() => void goTo('sort')}
    >
      <ul className="cause-grid">
        {CAUSE_IDS.map((cause) => {
          const size = conversation.causes[cause];
          const label = t(`cause.${cause}`);
          return (
            <li key={cause}>
              <button
                type="button"
                className={`cause cause--size-${size ?? 0}`}
                aria-pressed={size !== undefined}
                data-cause={cause}
                onClick={() => {
                  cycle(cause);
                  readOnTap(label);
                }}
              >
                {pictures ? <Picture spec={pictureOf('causes', cause)!} size="choice" /> : null}
                {/* The name is exactly the visible words ("Redd", "Redd Litt"), so voice control can use
                    what it sees; aria-pressed tells whether the box is chosen at all. */}
                <span className="cause__label">{label}</span>{' '}
                <span className="cause__meter" aria-hidden="true">
                  {[1, 2, 3].map((level) => (
                    <span key={level} className={size !== undefined && level <= size ? 'filled' : undefined} />
                  ))}
                </span>
                <span className="cause__size">{size ? t(`causes.size.${size}`) : null}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {conversation.causes['noe-annet'] !== undefined ? (
        <div className="field">
          <label htmlFor={otherId}>{t('causes.otherText')}</label>
          <textarea
            id={otherId}
            rows={2}
            maxLength={1000}
            value={conversation.causeOtherText}
            onChange={(event) => void applyToActive((c, now) => setCauseOtherText(c, event.target.value, now))}
          />
        </div>
      ) : null}
    </StepFrame>
  );
}
