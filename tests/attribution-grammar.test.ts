// One test per attribution form of the grammar (src/sources), on sentences the team wrote.
import { describe, expect, it } from 'vitest';
import { claimStages } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import type { Doc, Source } from '../src/types.js';

function run(text: string): Doc {
  const doc = createDoc({ id: 'g', rawId: 'g', path: 'g.txt', format: 'txt', text, sha256: '' }, 'g', segmentText(text));
  claimStages([doc]);
  return doc;
}

/** A document cut into exactly these segments (as a page's own splitter may cut it). */
function runSpans(sentences: string[]): Doc {
  const text = sentences.join(' ');
  let at = 0;
  const spans = sentences.map((t) => { const span = { start: at, end: at + t.length }; at += t.length + 1; return span; });
  const doc = createDoc({ id: 'g', rawId: 'g', path: 'g.txt', format: 'txt', text, sha256: '' }, 'g', spans);
  claimStages([doc]);
  return doc;
}

function sourceOf(doc: Doc, start: string): (Source & { cue: string; how: string }) | null {
  const claim = doc.claims.find((c) => c.text.startsWith(start));
  if (!claim) throw new Error(`no claim starts with ${start}: ${doc.claims.map((c) => c.text).join(' | ')}`);
  const given = claim.sources[0];
  const source = given && doc.sources.find((s) => s.ref === given.ref);
  return source && given ? { ...source, cue: given.cue, how: given.how } : null;
}

describe('reporting verbs around the speaker', () => {
  it('reads a surname before a verb after a closing quote, resolved to the full name given earlier', () => {
    const doc = run('Stretching helps, says physical therapist Ingrid Solberg, DPT. “Hold each stretch for thirty seconds,” Solberg clarifies.');
    expect(sourceOf(doc, '“Hold each')).toMatchObject({ name: 'Ingrid Solberg', credentials: ['DPT'], how: 'explicit' });
  });

  it('keeps a role written between the verb and the name as the description and role', () => {
    const doc = run('Cold water slows swelling, says sports physician Tomas Brandt.');
    expect(sourceOf(doc, 'Cold water')).toMatchObject({ name: 'Tomas Brandt', description: 'sports physician', role: 'sports physician' });
  });

  it('splits an appositive into role and organisation', () => {
    const doc = run('“Most sprains heal in six weeks,” says Noor Haddad, an orthopedic surgeon at Lakeside Hospital.');
    expect(sourceOf(doc, '“Most sprains')).toMatchObject({ name: 'Noor Haddad', role: 'orthopedic surgeon', organization: 'Lakeside Hospital' });
  });

  it('keeps a registration with its hours among the credentials', () => {
    const doc = run('Breathing slowly calms the body, says Maren Holt, E-RYT 500.');
    expect(sourceOf(doc, 'Breathing')).toMatchObject({ name: 'Maren Holt', credentials: ['E-RYT 500'] });
  });

  it('reads a verb that reports only beside a quote ("shares", "offers")', () => {
    const doc = run('Ingrid Solberg, DPT, treats runners. “Rest days matter as much as training days,” Solberg shares.');
    expect(sourceOf(doc, '“Rest days')).toMatchObject({ name: 'Ingrid Solberg' });
    expect(run('Lakeside Hospital offers free screenings on Fridays.').claims.every((c) => c.sources.length === 0)).toBe(true);
  });

  it('reads "X and colleagues found that" as the named lead author', () => {
    const doc = run('Naps help, says Dr. Petra Lind, a sleep researcher. Lind and colleagues found that naps improve recall.');
    expect(sourceOf(doc, 'Lind and colleagues')).toMatchObject({ name: 'Dr. Petra Lind' });
  });

  it('does not take a stray word before a known surname as a new person', () => {
    const doc = run('Sleep matters, says sleep researcher Oskar Vinter. Sponsored Vinter also warns that screens delay sleep.');
    expect(sourceOf(doc, 'Sponsored Vinter')).toMatchObject({ name: 'Oskar Vinter' });
  });

  it('ignores an attribution inside someone else’s quotation', () => {
    const doc = run('“What the board said is simply wrong,” says Hana Ito, a nurse.');
    expect(sourceOf(doc, '“What the board')).toMatchObject({ name: 'Hana Ito' });
  });
});

describe('organisations, publications and studies', () => {
  it('reads an acronym before a reporting verb as an organisation', () => {
    expect(sourceOf(run('The WHO said cases fell by half last year.'), 'The WHO')).toMatchObject({ kind: 'organization', name: 'WHO' });
    expect(sourceOf(run('NHSX said the app would launch in May.'), 'NHSX')).toMatchObject({ kind: 'organization', name: 'NHSX' });
  });

  it('reads "according to" a dated title', () => {
    expect(sourceOf(run('Adults should move every day, according to the 2018 Physical Activity Guidelines for Americans.'), 'Adults')).toMatchObject({
      name: 'Physical Activity Guidelines for Americans',
    });
  });

  it('takes a study with a year, a size or a journal as a source, and a bare "a study" as vague', () => {
    expect(sourceOf(run('A 2021 study found that walkers slept longer.'), 'A 2021')).toMatchObject({ kind: 'publication', name: 'A 2021 study' });
    expect(sourceOf(run('A trial of 4,000 nurses showed that shift work raised blood pressure.'), 'A trial')).toMatchObject({ kind: 'publication', name: 'A trial of 4,000 nurses' });
    expect(sourceOf(run('A recent study in The Lancet Neurology shows that naps help memory.'), 'A recent')).toMatchObject({ kind: 'publication', name: 'Lancet Neurology', description: 'A recent study' });
    expect(sourceOf(run('A study shows that naps help memory.'), 'A study')).toMatchObject({ kind: 'vague' });
  });

  it('reads researchers at a named institution as that institution, and "They found" as pointing back to it', () => {
    const doc = run('Researchers at Northfield University found that cold showers wake people up. They found that the effect lasted an hour.');
    expect(sourceOf(doc, 'Researchers at')).toMatchObject({ kind: 'organization', name: 'Northfield University' });
    expect(sourceOf(doc, 'They found')).toMatchObject({ name: 'Northfield University', how: 'inherited' });
    expect(sourceOf(run('They found that the effect lasted an hour.'), 'They found')).toBeNull();
  });
});

describe('plans, guides and institutions as speakers', () => {
  it('reads a named plan or guideline as the subject of a reporting verb as a publication', () => {
    const doc = run('The Healthy Sleep Plan encourages adults to keep a fixed wake-up time.');
    expect(sourceOf(doc, 'The Healthy Sleep')).toMatchObject({ kind: 'publication', name: 'Healthy Sleep Plan' });
    expect(sourceOf(run('The loyalty card on Fresh Basket encourages shoppers to buy more fruit.'), 'The loyalty')).toBeNull();
  });

  it('reads a name as the one giving a cause ("an effect X attributes to")', () => {
    const doc = run('Walking improves mood, says Dr. Lena Okafor. Memory improves too, an effect Okafor largely attributes to better sleep.');
    expect(sourceOf(doc, 'Memory improves')).toMatchObject({ name: 'Dr. Lena Okafor' });
  });

  it('reads "It" opening a sentence with a reporting verb as the organisation that just spoke, but not "it" inside a clause', () => {
    const doc = run('The WHO said cases fell by half last year. It instead suggested that clinics keep testing. Nobody knows what it suggests about next winter.');
    expect(sourceOf(doc, 'It instead')).toMatchObject({ kind: 'organization', name: 'WHO', how: 'inherited' });
    expect(sourceOf(doc, 'Nobody knows')).toBeNull();
  });
});

describe('a study told on over a passage', () => {
  it('reads "according to research at" a named institution as that institution', () => {
    const doc = run('According to research done at Lakeview University, people who garden sleep better.');
    expect(sourceOf(doc, 'According to')).toMatchObject({ kind: 'organization', name: 'Lakeview University' });
    expect(sourceOf(run('According to research, people who garden sleep better.'), 'According to')).toMatchObject({ kind: 'vague' });
  });

  it('gives the findings told after a study without a reporting verb to the study, until a person speaks', () => {
    const doc = run([
      'A 2019 study followed 3,000 gardeners in Norway.',
      'Gardeners who worked outside daily lowered their risk of depression by 18%.',
      'Those who gardened less often saw smaller gains.',
      'Gardening is popular in Norway.',
      '“People underestimate soil,” says Ida Berg, a psychologist.',
      'Older gardeners reported fewer falls compared to other adults.',
    ].join(' '));
    expect(sourceOf(doc, 'Gardeners who')).toMatchObject({ kind: 'publication', name: 'A 2019 study', how: 'inherited' });
    expect(sourceOf(doc, 'Those who')).toMatchObject({ name: 'A 2019 study', how: 'inherited' });
    expect(sourceOf(doc, 'Gardening is popular')).toBeNull();
    expect(sourceOf(doc, 'Older gardeners')).toBeNull();
  });

  it('names a study by the journal the page later says it was published in', () => {
    const doc = run('A 2021 clinical trial found that yoga eases back pain. The study, published in March in Spine Care Letters, included 300 adults.');
    expect(sourceOf(doc, 'A 2021')).toMatchObject({ kind: 'publication', name: 'Spine Care Letters', description: 'A 2021 clinical trial' });
  });

  it('does not give a study a sentence that brings in research of its own', () => {
    const doc = run('A 2019 study followed 3,000 gardeners in Norway. Another large study showed that walkers lowered their risk of falls by 12%.');
    expect(sourceOf(doc, 'Another large')?.name).not.toBe('A 2019 study');
  });

  it('does not give a study a general statement in the present tense', () => {
    const doc = run('A 2019 study followed 3,000 gardeners in Norway. Fresh air lowers the risk of many illnesses.');
    expect(sourceOf(doc, 'Fresh air')).toBeNull();
  });

  it('lets "the researchers" reach back past other people’s quotes to the group that was named, and "they" only one passage', () => {
    const doc = run([
      'Researchers at Harbor University found that walking meetings cut fatigue.',
      '“Nobody likes long meetings,” says Tom Ekdahl, a manager.',
      'Ekdahl says his staff walk twice a day.',
      'He adds that rain is no excuse.',
      '“Umbrellas exist,” he says.',
      'Walking is cheap.',
      'Shoes matter more than most people think.',
      'The researchers also identified a drop in sick days.',
    ].join(' '));
    expect(sourceOf(doc, 'The researchers also')).toMatchObject({ name: 'Harbor University', how: 'inherited' });
    const they = run('Researchers at Harbor University found that walking meetings cut fatigue. Walking is cheap. Shoes matter. Socks matter too. Hats are optional. Coats help in winter. They identified a drop in sick days.');
    expect(sourceOf(they, 'They identified')).toBeNull();
  });

  it('points "the researchers" and untold findings back to research only, not to a news outlet that reported', () => {
    const doc = run('A 2020 trial in Oslo found that standing desks ease back pain. The Daily Courier reported on the trial last week. Workers who stood lowered their back pain by 30%. The researchers found no change in output.');
    expect(sourceOf(doc, 'The Daily Courier')).toMatchObject({ kind: 'publication', name: 'Daily Courier' });
    expect(sourceOf(doc, 'Workers who stood')).toBeNull();
    expect(sourceOf(doc, 'The researchers found')).toMatchObject({ name: 'A 2020 trial' });
  });

  it('reads "these studies showed" as pointing back to the review just named', () => {
    const doc = run('In a 2022 review, Maria Lopes examined 40 trials of sleep hygiene. On average, these studies showed modest benefits.');
    expect(sourceOf(doc, 'On average')).toMatchObject({ name: 'a 2022 review', how: 'inherited' });
  });
});

describe('a quote the page never closed', () => {
  it('does not give the sentences after an unclosed quote to a speaker named later in narration', () => {
    const doc = runSpans([
      '“Buses last for decades,” says Mona Keller, a fleet manager.',
      '“Diesel from waste is the quickest fix for old fleets today.',
      'Solar farms can share land with crops in hot countries.',
      'Pedro Alves says the farm in Kenya grew more food than before.',
      'The panels also cut water loss from the plants.',
    ]);
    expect(sourceOf(doc, 'Solar farms')?.name).not.toBe('Pedro Alves');
    expect(sourceOf(doc, 'Pedro Alves')).toMatchObject({ name: 'Pedro Alves', how: 'explicit' });
    expect(sourceOf(doc, 'The panels')).toBeNull();
  });
});

describe('lists after a lead-in', () => {
  it('gives a block list after a lead-in with no items of its own the speaker: facts and advice, headings between, until a question', () => {
    const doc = run([
      'Coach Rita Gomez offers a few tips for new runners.',
      'Go slow.',
      'Most injuries come in the first month of running.',
      'Add one short run a week at most.',
      'Rest.',
      '“Sleep is when the legs rebuild,” Gomez says.',
      'Two rest days a week suit most beginners.',
      'So how far should a beginner run?',
      'Distance matters less than regularity for new runners.',
    ].join(' '));
    expect(sourceOf(doc, 'Most injuries')).toMatchObject({ name: 'Coach Rita Gomez', how: 'inherited' });
    expect(sourceOf(doc, 'Add one')).toMatchObject({ name: 'Coach Rita Gomez', how: 'inherited' });
    expect(sourceOf(doc, 'Two rest days')).toMatchObject({ name: 'Coach Rita Gomez', how: 'inherited' });
    expect(sourceOf(doc, 'Distance matters')).toBeNull();
  });

  it('opens a block list only for a speaker who is plainly a person', () => {
    const doc = run('Quick Growth Partners offers proven strategies for small shops. Most shops track clicks. Few of them track profit per customer.');
    expect(sourceOf(doc, 'Most shops')).toBeNull();
  });

  it('keeps a list whose items follow the colon in the lead-in to its advice right after', () => {
    const doc = run('Coach Rita Gomez offers these tips: warm up, go slow and rest. Most injuries come in the first month of running.');
    expect(sourceOf(doc, 'Most injuries')).toBeNull();
  });
});

describe('quotes over several sentences', () => {
  it('gives every sentence inside a quote the speaker named where it closes or before it', () => {
    const doc = run('Jonas Weber, MD, a cardiologist, sees this often. “Most palpitations are harmless. Coffee is a common trigger. See a doctor if you faint,” Weber says. Heart rates vary.');
    expect(sourceOf(doc, '“Most palpitations')).toMatchObject({ name: 'Jonas Weber', how: 'inherited' });
    expect(sourceOf(doc, 'Coffee is')).toMatchObject({ name: 'Jonas Weber', how: 'inherited' });
    expect(sourceOf(doc, 'Heart rates')).toBeNull();
  });

  it('gives a quote paragraph right after the speaker’s quote the speaker, but not one after narration', () => {
    const doc = run('“Salt is not the enemy,” says Carla Mendes, a dietitian. “Most of it comes from bread.” Bread is cheap. “Cook at home,” the poster says.');
    expect(sourceOf(doc, '“Most of it')).toMatchObject({ name: 'Carla Mendes', how: 'inherited' });
    expect(sourceOf(doc, '“Cook at home')).toBeNull();
  });

  it('reads a straight closing quote before the speaker', () => {
    const doc = run('Dr. Ruth Okoro treats asthma. "Inhalers work best with a spacer," Okoro says.');
    expect(sourceOf(doc, '"Inhalers')).toMatchObject({ name: 'Dr. Ruth Okoro' });
  });
});

describe('quotes garbled by a wrong decoding (mojibake)', () => {
  // 'â\u0080\u009c' and 'â\u0080\u009d' are '“' and '”' as UTF-8 bytes read one byte a character.
  it('reads garbled quotation marks as quotes, for the speaker and for the sentences inside', () => {
    const doc = run('Sleep is a skill. â\u0080\u009cNaps help most people. Keep them under half an hour,â\u0080\u009d says Dr. Ilse Varga. Beds are expensive.');
    expect(sourceOf(doc, 'Keep them')).toMatchObject({ name: 'Dr. Ilse Varga', how: 'explicit' });
    expect(sourceOf(doc, 'â\u0080\u009cNaps')).toMatchObject({ name: 'Dr. Ilse Varga', how: 'inherited' });
    expect(sourceOf(doc, 'Sleep is a skill')).toBeNull();
    expect(sourceOf(doc, 'Beds are')).toBeNull();
  });

  it('gives a segment the splitter glued from a quote and the writer’s sentence the speaker only when it is mostly quote', () => {
    const doc = runSpans([
      'Bruises fade in two weeks, says Dr. Omar Reyes.',
      'â\u0080\u009cIce helps in the first hours. Wrap it in a towel.â\u0080\u009d Frozen peas work.',
      'Heat is for the days after the swelling has settled down, â\u0080\u009cnever the first day.',
      'After that it eases stiffness,â\u0080\u009d Reyes says.',
    ]);
    expect(sourceOf(doc, 'â\u0080\u009cIce')).toMatchObject({ name: 'Dr. Omar Reyes', how: 'inherited' });
    expect(sourceOf(doc, 'Heat is for the days')).toBeNull();
    expect(sourceOf(doc, 'After that')).toMatchObject({ name: 'Dr. Omar Reyes', how: 'explicit' });
  });
});
