// Escaping for the review pages. Text from the input goes into the page only through these, so a
// page that says `<script>` or `</style>` shows it as text. Characters HTML cannot carry as they are
// (C0/C1 controls other than tab and line breaks, lone surrogates) become visible stand-ins. A
// carriage return is written as it is: the HTML parser reads CR LF and a lone CR as one line feed
// (a reference, &#13;, would keep it but is a parse error), so a page of a CR LF text reads, and
// copies, with LF line breaks.
const TEXT = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const ATTR = /[&<>"\n\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

function replace(c: string): string {
  switch (c) {
    case '&': return '&amp;';
    case '<': return '&lt;';
    case '>': return '&gt;';
    case '"': return '&quot;';
    case '\n': return '&#10;';
    case '\t': return '&#9;';
    default: {
      const code = c.charCodeAt(0);
      // A C0 control shows as its Control Pictures sign (U+2400 block); anything else as U+FFFD.
      return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\ufffd';
    }
  }
}

/** Text content. */
export const esc = (s: string): string => s.replace(TEXT, replace);

/** A double-quoted attribute value. */
export const attr = (s: string): string => s.replace(ATTR, replace);

/** JSON inside <script type="application/json">: no `<` at all, so no `</script>` or `<!--`. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</gu, '\\u003c').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029');
