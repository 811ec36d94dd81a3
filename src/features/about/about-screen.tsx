/**
 * About Kortprat, for the adult: what the app is, that nothing leaves the tablet, the
 * version, and the credits for the pictures and the open-source libraries it ships.
 * Everything here is plain text: the kiosk loads nothing from other origins.
 */

import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { LIBRARIES, PICTURES, PICTURES_LICENCE } from './credits';

export default function AboutScreen() {
  const { t } = useTranslation();

  return (
    <div className="about">
      <header className="start__header">
        <h1>{t('about.heading')}</h1>
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'start' })}>
          {t('app.backToList')}
        </button>
      </header>
      <p>{t('about.intro')}</p>
      <p className="about__version">{t('about.version', { version: __APP_VERSION__ })}</p>

      <section className="about__section" aria-labelledby="about-pictures">
        <h2 id="about-pictures">{t('about.pictures.heading')}</h2>
        <p>{t('about.pictures.credit', { name: PICTURES.name, holder: PICTURES.holder, licence: PICTURES.licence })}</p>
        <p>{t('about.pictures.bundled')}</p>
        <p className="about__source">{t('about.pictures.source', { source: PICTURES.source })}</p>
        <details className="about__licence">
          <summary>{t('about.pictures.licenceText')}</summary>
          <div lang="en">
            {PICTURES_LICENCE.split('\n\n').map((paragraph) => (
              <p key={paragraph}>{paragraph.replace(/\n/g, ' ')}</p>
            ))}
          </div>
        </details>
      </section>

      <section className="about__section" aria-labelledby="about-software">
        <h2 id="about-software">{t('about.software.heading')}</h2>
        <p>{t('about.software.intro')}</p>
        <table className="about__libraries">
          <thead>
            <tr>
              <th scope="col">{t('about.software.library')}</th>
              <th scope="col">{t('about.software.licence')}</th>
            </tr>
          </thead>
          <tbody>
            {LIBRARIES.map((library) => (
              <tr key={library.name}>
                <td>
                  {library.name}
                  {library.via ? ` (${t('about.software.via', { name: library.via })})` : null}
                </td>
                <td>{library.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
