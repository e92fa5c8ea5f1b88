import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { boilerplate, fallsBack } from '../src/boilerplate/index.js';
import { quality } from '../src/quality/index.js';
import { matchRule, furnitureRules } from '../src/boilerplate/rules.js';
import { featureMatrix, featureRows, FEATURE_NAMES } from '../src/boilerplate/features.js';
import { detectLanguage, stopwords } from '../src/boilerplate/language.js';
import { SiteRepeats } from '../src/boilerplate/site-repeats.js';
import { removeLeadsOfFurniture } from '../src/boilerplate/leads.js';
import { segmentText } from '../src/segment/index.js';
import { createDoc, remove } from '../src/doc.js';
import model from '../src/boilerplate/model.json' with { type: 'json' };
import { contentProbabilities, matrixProbabilities, type CleanerModel } from '../src/boilerplate/model.js';
import qualityRules from '../src/quality/rules.json' with { type: 'json' };
import type { Doc } from '../src/types.js';
import { projectRoot } from './helpers/shared.js';
import { readTree, runCli, tempDir } from './helpers/run.js';

function docOf(text: string, name = 'doc', url?: string): Doc {
  const source = { id: name, rawId: name, path: `input/${name}.txt`, format: 'txt' as const, text, sha256: '0', ...(url ? { url } : {}) };
  const doc = createDoc(source, name, segmentText(text));
  void new VFile();
  return doc;
}

const clean = (doc: Doc): Doc => { boilerplate(doc); quality(doc); return doc; };
const find = (doc: Doc, start: string) => doc.segments.find((s) => s.text.startsWith(start));

describe('furniture rules name the kind a reader expects', () => {
  it.each([
    ['Home » Running » Injuries » Knee Pain Explained.', 'nav', 'nav-breadcrumb'],
    ['Startseite›Laufen›Knie', 'nav', 'nav-breadcrumb'],
    ['[Next »]', 'nav', 'nav-breadcrumb'],
    ['« Previous post Next post » Leave a reply', 'nav', 'nav-breadcrumb'],
    ['Sign up for our weekly Strong Knees newsletter.', 'cta', 'cta-signup'],
    ['Call our clinic today at 555-201-3344.', 'cta', 'cta-phone'],
    ['Book an appointment with our physiotherapy team', 'cta', 'cta-contact'],
    ['Save 25% on knee braces, use code KNEE25 at checkout!', 'ad', 'promo-offer'],
    ['(adsbygoogle = window.adsbygoogle || []).push({});', 'ad', 'ad-code'],
    ['© 2025 Fieldstone Health Media.', 'legal', 'legal-copyright'],
    ['This page is for informational purposes only and is not a substitute for professional medical advice.', 'legal', 'legal-medical-disclaimer'],
    ['By Priya Natarajan | Updated June 2, 2025', 'byline', 'byline-by'],
    ['3 weeks ago.', 'byline', 'byline-ago'],
    ['Tomas Berg, PT, DPT.', 'byline', 'byline-credentials'],
    ['https://www.example.org/knee-study-2021', 'citation', 'citation-url'],
    ['Okafor, L., “Patellar tendon load in runners,” Sports Med Review, 2019;', 'citation', 'citation-reference'],
    ['my knee pops when i squat, is that bad??', 'ugc', 'ugc-lowercase-i'],
    ['Runner’s Knee: Causes and Fixes, Best Shoes for Flat Feet, How to Ice an Ankle, Foam Rolling 101', 'related', 'related-title-list'],
    ['Knee pain (sharp) (Front), Knee pain (dull) (Back), Swelling (mild)', 'related', 'related-qualified-links'],
    ['Learn about the warning signs, the tests and the treatment options here.', 'nav', 'nav-teaser'],
    ['Answered by Dr. Ana Costa:', 'byline', 'byline-by'],
    ['For more details, visit our clinic pages.', 'nav', 'nav-read-below'],
  ])('%s -> %s', (text, kind, rule) => {
    expect(matchRule(text)).toMatchObject({ kind, id: rule });
  });

  it('leaves ordinary sentences alone, even when they mention a newsletter topic or a doctor', () => {
    for (const text of [
      'Strengthening the hip muscles takes load off the knee and often eases pain within a few weeks.',
      'If the pain lasts longer than two weeks, ask your doctor whether you need an X-ray.',
      'Ice the knee for 15 minutes after a run to calm the swelling.',
      'Ibuprofen (Advil), naproxen (Aleve), and aspirin all ease the pain for a few hours.',
      'Learn to run slowly before you try to run far.',
      'For more information, see the section on knee braces.',
      // Guillemets as quotation marks, held tight to the quoted words: Swiss and French «…», German »…«.
      'Die Läuferin nennt ihr Programm «Knie frei» und trainiert damit seit zwei Jahren.',
      'Sein Rat an alle Anfänger: »Lieber langsam als gar nicht«, sagt der Trainer.',
      'Das Motto der Gruppe: »Jeden Tag ein Kilometer',
    ]) expect(matchRule(text), text).toBeNull();
  });

  it('removes a Title Case lead with the furniture a rule found after it, and an ad’s hook question with its call to action', () => {
    const doc = docOf('Knee pain after running is common and usually settles with a lighter week of training. ' +
      'Best Running Gear: Knee Sleeves for Runners, Trail Shoes for Beginners, Foam Rollers Compared, Heart Rate Watches. ' +
      'Sore knees slowing your runs? Call our clinic today at 555-201-3344. ' +
      'Other signs to watch for: A knee that locks or gives way needs a doctor to look at it. Warm-up Tips: Start slowly.');
    // The rules' removals as boilerplate() makes them, then the leads: no model involved.
    for (const s of doc.segments) {
      const rule = matchRule(s.text);
      if (rule) remove(doc, s, { stage: 'boilerplate', kind: rule.kind, rule: rule.id });
    }
    remove(doc, find(doc, 'Start slowly')!, { stage: 'boilerplate', kind: 'other', rule: 'furniture-model' });
    removeLeadsOfFurniture(doc);
    expect(find(doc, 'Best Running Gear:')?.reason).toMatchObject({ stage: 'boilerplate', kind: 'related', rule: 'lead-of-furniture' });
    expect(find(doc, 'Sore knees slowing')?.reason).toMatchObject({ kind: 'ad', rule: 'hook-of-cta' });
    expect(find(doc, 'Knee pain after running')?.status).toBe('kept');
    expect(find(doc, 'Other signs to watch for')?.status).toBe('kept');
    expect(find(doc, 'Warm-up Tips:')?.status).toBe('kept'); // before the model's removal: may be the article's heading
  });

  it('takes a Title Case list for article titles only on English pages: German capitalises every noun', () => {
    const list = 'Zum Netzwerk gehören Kliniken, Praxen, Apotheken und Pflegedienste in Hamburg, Berlin und München';
    expect(matchRule(list, undefined, 'en')?.id).toBe('related-title-list');
    expect(matchRule(list, undefined, 'de')).toBeNull();
    expect(matchRule('Warum Schmerzen Die Knie Beim Treppensteigen So Oft?', undefined, 'de')).toBeNull();
  });

  it('reads a question with one word in capitals as a sentence, not a Title Case article title', () => {
    expect(matchRule('How do you ice a knee and how do you KNOW the swelling went down?')).toBeNull();
    expect(matchRule('Why Do My Knees Hurt After Running Downhill?')?.id).toBe('related-title-question');
    expect(matchRule('WHY DO MY KNEES HURT AFTER RUNNING DOWNHILL?')?.id).toBe('related-title-question');
  });

  it('takes a Title Case list for article titles only on a flattened page: on a line of its own it may be the article\'s list', () => {
    const list = 'Our clients include Riverside Clinic, Harbor Dental Group, Northside Physical Therapy';
    expect(matchRule(list, undefined, 'en', true)?.id).toBe('related-title-list');
    expect(matchRule(list, undefined, 'en', false)?.id).not.toBe('related-title-list');
  });

  it('counts words in capitals as Title Case inside a list of titles', () => {
    expect(matchRule('BREAKING NEWS Marathon season opens, Best Knee Sleeves Reviewed, RACE DAY: How Coaches Plan their Taper')?.id).toBe('related-title-list');
  });

  it('takes \'Join us\' for a sign-up only when it stands alone, not when it invites to what the article is about', () => {
    expect(matchRule('Join us!')?.id).toBe('cta-signup');
    expect(matchRule('Join us on Instagram')?.id).toBe('cta-signup');
    expect(matchRule('Join us for a beginners\' running lesson at the track on Saturday morning.')).toBeNull();
  });

  it('takes offer wording for an ad in a short label, not in a sentence about the subject', () => {
    expect(matchRule('Free shipping on all orders')?.id).toBe('promo-offer-short');
    expect(matchRule('The new wagon goes on sale in late spring, two months after its debut at the Geneva show.')).toBeNull();
    expect(matchRule('Knee braces are back in stock at most pharmacies after a shortage that lasted all winter.')).toBeNull();
  });

  it('takes German, French, Spanish, Italian, Portuguese, Polish and Dutch menu, legal and ad labels standing alone for furniture on pages in that language', () => {
    expect(matchRule('Kommentare', undefined, 'de')?.id).toBe('nav-label-de');
    expect(matchRule('Schreibe einen Kommentar', undefined, 'de')?.id).toBe('nav-label-de');
    expect(matchRule('Impressum', undefined, 'de')).toMatchObject({ kind: 'legal', id: 'legal-label-intl' });
    expect(matchRule('Werbung', undefined, 'de')).toMatchObject({ kind: 'ad', id: 'ad-label-intl' });
    expect(matchRule('Lire aussi', undefined, 'fr')?.id).toBe('nav-label-fr-es-it-pt');
    expect(matchRule('Zobacz także', undefined, 'pl')?.id).toBe('nav-label-pl-nl');
    expect(matchRule('Die Kommentare der Leser zum Knieschmerz waren überwiegend freundlich.', undefined, 'de')).toBeNull();
    expect(matchRule('Kommentare', undefined, 'en')).toBeNull();
  });

  it('takes the comment form\'s fixed wording for furniture in any of the languages the software ships, even inside a run of form labels', () => {
    expect(matchRule('Antworten abbrechen Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert', undefined, 'de')?.id).toBe('cta-comment-form');
    expect(matchRule('This site uses Akismet to reduce spam. Learn how your comment data is processed.')?.id).toBe('cta-comment-form');
    expect(matchRule('Votre adresse e-mail ne sera pas publiée.', undefined, 'fr')?.id).toBe('cta-comment-form');
    expect(matchRule('Readers may publish their comments under a pseudonym; the editors check each one before it appears.')).toBeNull();
  });

  it.each([
    ['Nur registrierte Nutzer können hier kommentieren.', 'de', 'cta-comment-gate'],
    ['Comments are closed.', 'en', 'cta-comment-gate'],
    ['Beispiel-Name (Pflichtfeld)', 'de', 'cta-form-fields'],
    ['Follow Fieldstone Health on Instagram for daily tips.', 'en', 'cta-follow-app'],
    ['Pour lire la suite, abonnez-vous.', 'fr', 'cta-paywall'],
    ['Gefällt mir Wird geladen …', 'de', 'nav-share-widget'],
    ['Schlagwörter: Laufen, Knie, Training', 'de', 'nav-tags'],
    ['Zurück zur Übersicht', 'de', 'nav-back-de-pl'],
    ['Trainingsplan als PDF', 'de', 'nav-back-de-pl'],
    ['The text of this site is licensed under a Creative Commons licence.', 'en', 'legal-reprint'],
    ['Externer Inhalt', 'de', 'legal-embed-consent'],
    ['Foto: Anna Berger', 'de', 'byline-photo-credit'],
    ['Photo by Sam Lee on Unsplash', 'en', 'byline-photo-credit'],
    ['Dieser Beitrag wurde am 3. Mai in Laufen veröffentlicht und verschlagwortet mit Knie.', 'de', 'byline-filed-de'],
    ['Noticias relacionadas', 'es', 'related-label-intl'],
    ['Sur le même sujet', 'fr', 'related-label-intl'],
    ['À lire aussi', 'fr', 'related-label-intl'],
  ])('takes the fixed wording of software and publishers: %s (%s) -> %s', (text, lang, rule) => {
    expect(matchRule(text, undefined, lang)?.id).toBe(rule);
  });

  it('leaves sentences about comments, licences, photos and apps alone', () => {
    for (const [text, lang] of [
      ['Readers may comment on every article once they have registered.', 'en'],
      ['The study was published under a Creative Commons licence so other clinics can reuse it.', 'en'],
      ['Die Fotografin zeigt in ihrem Buch Bilder von Läufern aus vierzig Ländern.', 'de'],
      ['The app reminds patients to take their tablets at the same time every day.', 'en'],
      ['Mehr Bewegung im Alltag senkt den Blutdruck deutlich.', 'de'],
    ]) expect(matchRule(text!, undefined, lang), text).toBeNull();
  });

  it('takes a cookie banner\'s first-person wording for a legal notice in German, French, Spanish, Polish and Dutch, not an article\'s account of cookies', () => {
    expect(matchRule('Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten. Mehr erfahren', undefined, 'de')?.id).toBe('legal-cookies-intl');
    expect(matchRule('Nous utilisons des cookies pour mesurer l\'audience.', undefined, 'fr')?.id).toBe('legal-cookies-intl');
    expect(matchRule('Utilizamos cookies propias y de terceros.', undefined, 'es')?.id).toBe('legal-cookies-intl');
    expect(matchRule('Ta strona używa plików cookies.', undefined, 'pl')?.id).toBe('legal-cookies-intl');
    expect(matchRule('Viele Online-Shops speichern Cookies im Browser, damit der Warenkorb erhalten bleibt.', undefined, 'de')).toBeNull();
  });

  it('gives every rule a unique id and a reason', () => {
    const ids = furnitureRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const file = JSON.parse(fs.readFileSync(path.join(projectRoot, 'src/boilerplate/rules.json'), 'utf8')) as { rules: { why: string }[] };
    for (const r of file.rules) expect(r.why.length).toBeGreaterThan(10);
    for (const r of qualityRules.patterns) expect(r.why.length).toBeGreaterThan(10);
  });
});

describe('quality stage', () => {
  const article = 'Runner’s knee is pain around the kneecap that gets worse on stairs and hills. ' +
    'It usually comes from doing too much too soon, not from a single injury. ' +
    'Strengthening the hips and thighs is the treatment with the best evidence. ' +
    'Most runners can keep training at a lower volume while it settles. ' +
    'Cushioned shoes alone rarely fix the problem, but a gradual plan usually does. ';

  it('removes a sentence cut off by the scraper and keeps a stylistic ellipsis', () => {
    const doc = docOf(article + 'Ice can help with swelling, but for a … So what actually helps? The answer surprised me…');
    quality(doc);
    expect(find(doc, 'Ice can help')?.reason).toMatchObject({ stage: 'quality', kind: 'fragment', rule: 'cut-off-ellipsis' });
    expect(find(doc, 'The answer surprised me')?.reason?.stage).not.toBe('quality');
  });

  it('removes word salad spliced from the page’s own phrases once the page shows machine-made marks', () => {
    const salad = 'Hips and thighs is the treatment with the best evidence doing too much too soon, not from the.. ' +
      'Worse on stairs and hills the treatment with the best evidence running at a lower,! ' +
      'Keep training at a lower volume while it settles pain around the kneecap and.. ' +
      'Too soon, not from a single injury the best evidence the hips and thighs on stairs and hills cushioned shoes alone rarely.';
    const doc = clean(docOf(article + salad));
    const tail = doc.segments.filter((s) => s.start >= article.length - 1);
    expect(tail.length).toBeGreaterThanOrEqual(4);
    for (const s of tail) expect(s.status, s.text).toBe('removed');
    expect(tail.map((s) => s.reason?.stage)).toEqual(tail.map(() => 'quality'));
    for (const s of doc.segments.filter((x) => x.end < article.length)) expect(s.status, s.text).toBe('kept');
  });

  it('removes a kept sentence inside a run of machine-made text, and keeps the body sentence before the run', () => {
    const salad = [
      'Thighs is the treatment with the best evidence doing too much too soon, not from the..',
      'Worse on stairs and hills the treatment with the best evidence at a lower,!',
      'Kneecap and cushioned shoes alone the hips and thighs the best evidence.!',
      'Runners often feel better when the weather is warm and dry.',
      'Keep training at a lower volume while it settles pain around the kneecap and..',
      'Too soon, not from a single injury the best evidence for the..',
      'On stairs and hills cushioned shoes alone rarely,!',
    ].join(' ');
    const doc = clean(docOf(article + 'A short warm-up before each run makes the first mile easier. ' + salad));
    expect(find(doc, 'Runners often feel better')?.reason).toMatchObject({ stage: 'quality', kind: 'garbled', rule: 'inside-machine-run' });
    expect(find(doc, 'A short warm-up')?.status).toBe('kept');
  });

  it('applies English-only endings only to English pages', () => {
    const german = 'Die Schmerzen am Knie entstehen oft durch zu viel Training in zu kurzer Zeit und nicht durch einen einzelnen Unfall. ' +
      'Wer regelmäßig läuft, sollte die Belastung langsam steigern und auf die Signale des Körpers achten. ' +
      'Viele Vereine bieten dafür eigene Kurse an.';
    const doc = clean(docOf(german));
    expect(doc.lang).toBe('de');
    expect(find(doc, 'Viele Vereine')?.status).toBe('kept');
  });
});

describe('furniture model', () => {
  it('reads its inputs by feature name: a column added before them changes nothing, a missing one is an error', () => {
    const cleaner = model as unknown as CleanerModel;
    const text = 'Home\nShop\nKnee pain after a run usually means the tissues around the kneecap were asked to do too much.\nContact';
    const rows = featureRows(text, segmentText(text), 'en');
    const before = contentProbabilities(cleaner, rows, FEATURE_NAMES);
    const shifted = contentProbabilities(cleaner, rows.map((r) => [7, ...r]), ['rule:new-kind', ...FEATURE_NAMES]);
    expect(shifted).toEqual(before);
    expect(() => contentProbabilities(cleaner, rows.map((r) => r.slice(1)), FEATURE_NAMES.slice(1))).toThrow(/retrain/);
  });

  it('gives the same probabilities to the bit from the feature matrix as from the rows, with context and anchors', () => {
    const cleaner = model as unknown as CleanerModel;
    const dir = path.join(projectRoot, 'fixtures', 'input');
    const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    expect(texts.length).toBeGreaterThan(2);
    let segments = 0;
    for (const text of texts) {
      const spans = segmentText(text);
      segments += spans.length;
      const lang = detectLanguage(text);
      const rows = featureRows(text, spans, lang);
      const fromRows = contentProbabilities(cleaner, rows, FEATURE_NAMES);
      const fromMatrix = matrixProbabilities(cleaner, featureMatrix(text, spans, lang), FEATURE_NAMES);
      expect(fromMatrix.length).toBe(fromRows.length);
      fromRows.forEach((p, i) => expect(Object.is(fromMatrix[i], p), `${i}: ${fromMatrix[i]} ${p}`).toBe(true));
    }
    expect(segments).toBeGreaterThan(50);
  });

  it('is trained on features the code computes (retrain with npm run train:cleaner when they change)', () => {
    for (const f of model.stage1.features) expect(FEATURE_NAMES).toContain(f);
    const rows = featureRows('One sentence here. Another one.', [{ start: 0, end: 18 }, { start: 19, end: 31 }], 'en');
    for (const row of rows) expect(row).toHaveLength(FEATURE_NAMES.length);
  });

  it('detects the language of a page for its stop words', () => {
    expect(detectLanguage('Le sommeil est essentiel pour la santé et il faut dormir au moins sept heures par nuit pour bien récupérer.')).toBe('fr');
    expect(stopwords('de').has('und')).toBe(true);
  });

  it('removes a flattened menu and keeps the article around it on a line-broken page', async () => {
    const input = tempDir();
    fs.writeFileSync(path.join(input, 'page.txt'), [
      'Home', 'Running', 'Strength', 'Recovery', 'Shop', 'About us',
      'Why your knees hurt after running',
      'Knee pain after a run usually means the tissues around the kneecap were asked to do more than they were ready for.',
      'The fix is rarely complete rest: most runners do better by cutting their weekly distance for a while and adding strength work for the hips and thighs.',
      'Pain that wakes you at night, a knee that gives way, or swelling that does not settle in a few days are reasons to see a doctor.',
      'Facebook', 'Instagram', 'Contact', 'Careers',
    ].join('\n'));
    const out = tempDir();
    expect((await runCli(['--input', input, '--output', out, '--quiet'])).code).toBe(0);
    const text = (JSON.parse((readTree(out).get('cleaned.jsonl') ?? '').trim()) as { text: string }).text;
    expect(text).toContain('Knee pain after a run usually means');
    expect(text).toContain('reasons to see a doctor');
    for (const menu of ['Instagram', 'Careers', 'About us']) expect(text).not.toContain(menu);
  });
});

describe('model fallback', () => {
  it('falls back to what the rules left only when the model would keep few words and a small share of the page', () => {
    expect(fallsBack(0, 300)).toBe(true);
    expect(fallsBack(30, 300)).toBe(true);
    expect(fallsBack(30, 100)).toBe(false); // a short page that keeps a third of itself
    expect(fallsBack(200, 3000)).toBe(false); // an article, even inside a huge page
    expect(fallsBack(0, 0)).toBe(false);
  });

  it('leaves the model alone on a page with an article', () => {
    const page = ['Home', 'Shop', 'About us', 'Careers', 'Contact',
      'Knee pain after a run usually means the tissues around the kneecap were asked to do more than they were ready for.',
      'The fix is rarely complete rest: most runners do better by cutting their weekly distance for a while and adding strength work for the hips and thighs.',
      'Pain that wakes you at night, a knee that gives way, or swelling that does not settle in a few days are reasons to see a doctor.',
      'Strengthening the hip muscles takes load off the knee and often eases pain within a few weeks of starting a plan.',
      'Most runners can keep training at a lower volume while it settles, as long as the pain stays mild during and after each run.'].join('\n');
    const doc = clean(docOf(page));
    expect(doc.file.messages.some((m) => m.ruleId === 'model-fallback')).toBe(false);
  });
});

describe('site repeats (corpus stage)', () => {
  const footer = 'Knee Clinic Weekly: free tips every Friday';
  const body = 'Most runners with knee pain get better with a gradual plan and strength work for the hips, within six to eight weeks of starting.';
  const page = (n: string, host = 'www.kneeclinic.example'): Doc => docOf(`Page ${n} talks about knees in its own words. ${body} ${footer}`, n, `https://${host}/${n}`);

  it('removes a short line from the third page of one site on, and leaves a long repeated sentence to dedupe', () => {
    const repeats = new SiteRepeats();
    const docs = [page('a'), page('b'), page('c', 'kneeclinic.example'), page('d'), page('e', 'other.example')];
    for (const doc of docs) repeats.add(doc);
    expect(docs.map((d) => find(d, 'Knee Clinic Weekly')?.reason?.rule ?? 'kept')).toEqual(['kept', 'kept', 'site-repeat', 'site-repeat', 'kept']);
    expect(find(docs[3]!, 'Knee Clinic Weekly')?.reason).toMatchObject({ stage: 'boilerplate', score: 4 });
    for (const doc of docs) expect(find(doc, 'Most runners')?.status).toBe('kept');
  });

  it('runs before dedupe in a run, so the template line is kept once and the second copy points at it', async () => {
    const input = tempDir();
    const lines = ['a', 'b', 'c', 'd'].map((n) => JSON.stringify({ id: n, url: `https://kneeclinic.example/${n}`, text: `Page ${n} talks about knees in its own words.\n${footer}\n${body}` }));
    fs.writeFileSync(path.join(input, 'site.jsonl'), lines.join('\n') + '\n');
    const out = tempDir();
    expect((await runCli(['--input', input, '--output', out, '--quiet'])).code).toBe(0);
    const tree = readTree(out);
    const footerOf = (n: string) => (JSON.parse(tree.get(`${n}.json`) ?? '{}') as { segments: { text: string; status: string; reason?: { rule: string }; duplicateOf?: string }[] }).segments.find((x) => x.text === footer);
    expect(footerOf('a')?.status).toBe('kept');
    expect(footerOf('b')?.duplicateOf).toBe('a:1');
    expect(footerOf('c')?.reason?.rule).toBe('site-repeat');
    expect(footerOf('d')?.reason?.rule).toBe('site-repeat');
  });
});

describe('the team fixtures', () => {
  it('lose their furniture and keep their articles', async () => {
    const out = tempDir();
    await runCli(['--input', path.join(projectRoot, 'fixtures', 'input'), '--output', out, '--quiet']);
    const lines = (readTree(out).get('cleaned.jsonl') ?? '').trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; text: string });
    const flat = lines.find((l) => l.id === 'furniture-flat')?.text ?? '';
    for (const gone of ['Home »', 'Subscribe to our', 'All rights reserved', 'i use the mouse', 'https://']) expect(flat).not.toContain(gone);
    expect(flat.length).toBeGreaterThan(200);
  });
});
