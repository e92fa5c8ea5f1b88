import { describe, expect, it } from 'vitest';
import { classify, claims, claimStages } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import { documentOutput } from '../src/write/json.js';
import type { Doc } from '../src/types.js';

const typeOf = (text: string): string | null => classify(text).type;

function docOf(text: string, name = 'doc'): Doc {
  return createDoc({ id: name, rawId: name, path: `${name}.txt`, format: 'txt', text, sha256: '' }, name, segmentText(text));
}

describe('claim type', () => {
  it('calls a plain checkable statement a fact with no hedge', () => {
    expect(classify('Shin splints are common in new runners.')).toMatchObject({ type: 'fact', hedge: 0 });
  });

  it('scores hedged statements higher the more they are hedged', () => {
    const plain = classify('Dehydration causes headaches.').hedge;
    const often = classify('Dehydration often causes headaches.').hedge;
    const may = classify('Dehydration may cause headaches.').hedge;
    const many = classify('Dehydration might possibly cause headaches in some cases.').hedge;
    expect(plain).toBe(0);
    expect(often).toBeGreaterThan(plain);
    expect(may).toBeGreaterThan(often);
    expect(many).toBeGreaterThan(may);
    expect(many).toBeLessThanOrEqual(1);
  });

  it('calls a sentence ending in a question mark a question', () => {
    expect(typeOf('How long does a pulled hamstring take to heal?')).toBe('question');
    expect(typeOf('“Is it safe to run with a cold?”')).toBe('question');
  });

  it('calls an instruction advice: imperative, after a lead-in, after an opening clause, after a colon', () => {
    expect(typeOf('Drink a glass of water before each meal.')).toBe('advice');
    expect(typeOf('Instead, walk for ten minutes after dinner.')).toBe('advice');
    expect(typeOf('When the pain flares up, apply a cold pack to the knee.')).toBe('advice');
    expect(typeOf('If the rash spreads—or if you get a fever—seek medical help.')).toBe('advice');
    expect(typeOf('Her advice for travellers: Wear compression socks on long flights.')).toBe('advice');
  });

  it('tells an instruction from a statement that starts with the same word', () => {
    expect(typeOf('Massage the calf with long, slow strokes.')).toBe('advice');
    expect(typeOf('Massage can reduce soreness after a race.')).toBe('fact');
    expect(typeOf('Rest your wrist for a few days.')).toBe('advice');
    expect(typeOf('Rest and fluids are the usual treatment for a cold.')).toBe('fact');
    expect(typeOf('Use of painkillers for more than ten days can cause headaches.')).toBe('fact');
  });

  it('calls recommendations advice and descriptions of care facts', () => {
    expect(typeOf('You should replace running shoes every 500 miles.')).toBe('advice');
    expect(typeOf('You can also try a warm bath before bed.')).toBe('advice');
    expect(typeOf('It is best to avoid caffeine after noon.')).toBe('advice');
    expect(typeOf('Nurses recommend washing the cut with clean water.')).toBe('advice');
    expect(typeOf('The first thing to do is to stop the bleeding.')).toBe('advice');
    expect(typeOf('Your doctor may recommend an inhaler.')).toBe('fact');
    expect(typeOf('You can’t catch a cold from cold weather.')).toBe('fact');
  });

  it('reads "suggests" and "should" by what follows them', () => {
    expect(typeOf('The coach suggests icing the ankle twice a day.')).toBe('advice');
    expect(typeOf('New evidence suggests that sleep loss raises appetite.')).toBe('fact');
    expect(typeOf('A cool-down should be followed by light stretching.')).toBe('advice');
    expect(typeOf('A single missed dose should not be a cause for worry.')).toBe('fact');
  });

  it('calls an action presented as helping advice, and an action presented as a cause a fact', () => {
    expect(typeOf('Stretching the hamstrings every morning can prevent lower back pain.')).toBe('advice');
    expect(typeOf('Lifting heavy boxes with a rounded back can cause a strain.')).toBe('fact');
    expect(typeOf('Cold therapy can help reduce swelling.')).toBe('fact');
  });

  it('reads any verb of the lexicon as an instruction, a noun-like one only before its object', () => {
    expect(typeOf('Reflect on which kind of exercise you enjoy most.')).toBe('advice');
    expect(typeOf('Incorporate beans into two dinners a week.')).toBe('advice');
    expect(typeOf('Check the label for added sugar.')).toBe('advice');
    expect(typeOf('Research shows that walking lowers blood pressure.')).toBe('fact');
    expect(typeOf('Thanks for all the kind letters about last week’s column.')).toBe('fact');
    expect(typeOf('A valid permit is necessary to fish in the reservoir.')).toBe('fact');
    expect(typeOf('While some people swear by cold showers, the evidence is thin.')).toBe('fact');
    expect(typeOf('Simply put, nobody knows yet why it works.')).toBe('fact');
    expect(typeOf('Trainees sat a written test, and are given feedback a week later.')).toBe('fact');
  });

  it('calls the reader acting, choosing or reaching a goal advice, and what happens to the reader a fact', () => {
    expect(typeOf('You can even stretch while the kettle boils.')).toBe('advice');
    expect(typeOf('Then, you repeat the phrase for a close friend.')).toBe('advice');
    expect(typeOf('Eventually, you’ll extend the practice to the whole day.')).toBe('advice');
    expect(typeOf('If you want to sleep better, a short evening walk may help.')).toBe('advice');
    expect(typeOf('There are many kinds of tea, so pick one without caffeine.')).toBe('advice');
    expect(typeOf('Notice the thought — then return to the breath.')).toBe('advice');
    expect(typeOf('You may feel dizzy for a minute.')).toBe('fact');
    expect(typeOf('You can get cramps from losing too much salt.')).toBe('fact');
    expect(typeOf('Most likely, you will not notice it, and you may never know it happened.')).toBe('fact');
    expect(typeOf('Sharing a meal is easier with an app, so you can plan it with friends.')).toBe('fact');
  });

  it('calls obligation, release and impersonal recommendation advice', () => {
    expect(typeOf('You’ve got to warm up first.')).toBe('advice');
    expect(typeOf('You don’t need to run every day to get fitter.')).toBe('advice');
    expect(typeOf('Runners needn’t stretch before an easy jog.')).toBe('advice');
    expect(typeOf('It’s important to drink before you are thirsty.')).toBe('advice');
    expect(typeOf('It might be a good idea to keep a food diary.')).toBe('advice');
    expect(typeOf('The trick is to stop eating before you feel full.')).toBe('advice');
    expect(typeOf('One way to eat less salt would be to cook at home more often.')).toBe('advice');
    expect(typeOf('There is no reason to skip breakfast if you are hungry.')).toBe('advice');
    expect(typeOf('Caution is warranted for anyone with kidney disease.')).toBe('advice');
    expect(typeOf('Parents need to plan rest days for young players.')).toBe('advice');
    expect(typeOf('The charity also advises walkers to carry water.')).toBe('advice');
  });

  it('calls what a thing is important for, evidence that suggests, and a recommended amount facts', () => {
    expect(typeOf('Iron is important for carrying oxygen in the blood.')).toBe('fact');
    expect(typeOf('Sleep is also important in keeping weight steady.')).toBe('fact');
    expect(typeOf('This is important because most diets fail within a year.')).toBe('fact');
    expect(typeOf('Several studies have suggested fasting can lower blood sugar.')).toBe('fact');
    expect(typeOf('Patients completed about half of the recommended sessions.')).toBe('fact');
    expect(typeOf('The muscle needs to rest between contractions.')).toBe('fact');
  });

  it('reads a list after a lead that ends in a verb as its complement, not as instructions', () => {
    expect(typeOf('Slow breathing has been shown to help: Lower stress hormones and steady the heart rate.')).toBe('fact');
    expect(typeOf('Her rule for travellers: Pack a snack for the flight.')).toBe('advice');
  });

  it('reads quotes garbled by a wrong decoding as quotes', () => {
    expect(typeOf('\u00e2\u0080\u009cDrink water before you run,\u00e2\u0080\u009d the coach says.')).toBe('advice');
    expect(typeOf('\u00e2\u0080\u009cThe fastest runners sleep the longest,\u00e2\u0080\u009d she says.')).toBe('fact');
  });

  it('makes no claim of headings, titles, links, fragments, cut-off text, speaker labels and asides', () => {
    for (const text of ['Treatment.', 'Ice.', 'Heart attack.', 'How To Choose The Right Running Shoe?', 'Read more at https://example.org/tips',
      'and then it spread to my arm.', 'The best time to take vitamin D is …', 'According to Dr.', '(She is also a keen cyclist.)', 'Common signs include:']) {
      expect(typeOf(text), text).toBeNull();
    }
  });

  it('makes no claim of filler that asserts nothing checkable', () => {
    expect(typeOf('That is easier said than done.')).toBeNull();
    expect(typeOf('As you can see, there is a lot to consider.')).toBeNull();
    expect(typeOf('Sore muscles are a prime example of this.')).toBeNull();
  });

  it('makes claims of sentences full of proper names, which keep their verb in lower case', () => {
    expect(typeOf('Who founded the Royal Marsden Cancer Hospital?')).toBe('question');
    expect(typeOf('The trial was paid for by the National Heart Foundation of New Zealand.')).toBe('fact');
    expect(typeOf('Signs Your Child Needs Glasses')).toBeNull();
    expect(typeOf('What Causes Night Cramps?')).toBeNull();
    expect(typeOf('Squad Changes at the start of the Transfer Window')).toBeNull();
  });

  it('makes no claim of sentences that announce what the article or its expert will say', () => {
    expect(typeOf('Here’s what the trials actually found.')).toBeNull();
    expect(typeOf('Dr. Okafor explains what tinnitus is and how to live with it.')).toBeNull();
    expect(typeOf('But there are caveats.')).toBeNull();
    expect(typeOf('But there are few studies in children.')).toBe('fact');
    expect(typeOf('Here are three stretches that ease a stiff neck.')).toBe('fact');
  });

  it('makes no claim of the publisher talking about itself or directing the reader around the site', () => {
    expect(typeOf('Advertising on our website keeps this magazine free to read.')).toBeNull();
    expect(typeOf('We’re here for you, day or night.')).toBeNull();
    expect(typeOf('Click on the map to see every trail.')).toBeNull();
    expect(typeOf('For more recipes, please visit the Food section.')).toBeNull();
    expect(typeOf('You can reach Priya on Signal at priya.22.')).toBeNull();
    expect(typeOf('Our study followed 400 runners for two years.')).toBe('fact');
    expect(typeOf('The crew needs a full tank of air to finish this mission.')).toBe('fact');
    expect(typeOf('Visit a doctor if the rash spreads.')).toBe('advice');
  });

  it('keeps the claim of full sentences that come before a cut-off one in the same segment', () => {
    expect(typeOf('Warm up for five minutes before a run. Then stretch the calves and …')).toBe('advice');
  });
});

describe('claims stage', () => {
  it('makes claims from kept segments only, with ids per document and the segment text', () => {
    const doc = docOf('Sunburn damages the skin. Sign up now! Wear a hat in the midday sun.', 'sun');
    const promo = doc.segments.find((s) => s.text === 'Sign up now!');
    if (promo) promo.status = 'removed';
    claims(doc);
    expect(doc.claims.map((c) => [c.id, c.segment, c.type, c.text])).toEqual([
      ['sun:c1', 'sun:0', 'fact', 'Sunburn damages the skin.'],
      ['sun:c2', 'sun:2', 'advice', 'Wear a hat in the midday sun.'],
    ]);
  });

  it('counts a claim once per copy of its segment in the JSON output', () => {
    const doc = docOf('Cold water eases a minor burn. Cold water eases a minor burn.');
    const [first, second] = doc.segments;
    if (!first || !second) throw new Error('two segments expected');
    second.status = 'removed';
    second.duplicateOf = first.id;
    first.copies = [second.id];
    claimStages([doc]);
    expect(doc.claims).toHaveLength(1);
    expect(documentOutput(doc).claims[0]).toMatchObject({ occurrences: 2, copies: [second.id] });
  });

  it('no longer reports itself as not implemented', () => {
    const doc = docOf('Sleep helps muscles recover.');
    claimStages([doc]);
    expect(doc.file.messages.map((m) => m.ruleId)).not.toContain('not-implemented');
  });
});
