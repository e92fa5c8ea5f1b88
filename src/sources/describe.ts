// A source's description split into role and organisation: 'a neuroscientist at Johns Hopkins
// Medicine who has studied fasting' -> role 'neuroscientist', organization 'Johns Hopkins
// Medicine'. Only what the words make plain: no organisation without a capitalised name after
// 'at' / 'with' / 'from' / 'for', no role longer than eight words.
import { NAME } from './names.js';

const AT = '\\s(?:at|with|from|for|of)\\s+(?:the\\s+)?';
const org = new RegExp(`${AT}(${NAME})`, 'u');
const roleAt = new RegExp(`^(?:(?:a|an|the)\\s+)?(.+?)(?=\\s(?:at|with|from|for)\\s+(?:the\\s+)?\\p{Lu}|\\s(?:who|whose|which|and|in)\\s|,|$)`, 'u');

export function describe(description: string): { role?: string; organization?: string } {
  const out: { role?: string; organization?: string } = {};
  const r = roleAt.exec(description)?.[1]?.trim();
  if (r && (/^\p{Ll}/u.test(r) || /^(?:a|an|the)\s/u.test(description)) && r.split(/\s+/u).length <= 8 && !/^(?:study|studies|trial|review)\b/u.test(r)) out.role = r;
  // The organisation is the first capitalised name placed after 'at', 'with', 'from' or 'for'
  // ('of' only when no role word came before it: 'director of the Longevity Institute at X' -> X).
  const at = new RegExp(`\\s(?:at|with|from|for)\\s+(?:the\\s+)?(${NAME})`, 'u').exec(description) ?? org.exec(description);
  const name = at?.[1]?.replace(/\s+(?:in|and)\s+.*$/u, '').trim();
  if (name && /^\p{Lu}/u.test(name)) out.organization = name;
  return out;
}
