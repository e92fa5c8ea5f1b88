// The document page's script: the two switches and the tooltip. Listeners sit on the text's root
// (event delegation), never one per segment, and a switch is one class or attribute on that root,
// so a page of tens of thousands of segments switches in one style pass. What a tooltip says comes
// from the page's data block (tables indexed by the segments' data-r, data-c, data-n attributes).
export const SCRIPT = `(() => {
  const text = document.getElementById('text');
  const tip = document.getElementById('tip');
  const hide = document.getElementById('hide');
  const only = document.getElementById('only');
  const data = JSON.parse(document.getElementById('data').textContent);
  const sync = () => {
    text.classList.toggle('hide', hide.checked);
    if (only.value) text.dataset.only = only.value;
    else delete text.dataset.only;
  };
  hide.addEventListener('change', sync);
  only.addEventListener('change', sync);
  sync();
  let shown = null;
  const marked = (node) => (node instanceof Element ? node.closest('[data-r],[data-c],[data-n]') : null);
  const describe = (el) => {
    const d = el.dataset;
    const lines = [];
    if (d.r !== undefined) lines.push(data.r[Number(d.r)]);
    if (d.s !== undefined) lines.push('similarity ' + d.s);
    if (d.of !== undefined) lines.push('copy of ' + d.of + ' (Enter follows the link)');
    if (d.c !== undefined) lines.push(data.c[Number(d.c)]);
    if (d.n !== undefined) lines.push(data.n[Number(d.n)]);
    return lines.join('\\n');
  };
  const show = (el) => {
    if (!el || !text.contains(el)) return;
    shown = el;
    tip.textContent = describe(el);
    tip.hidden = false;
    el.setAttribute('aria-describedby', 'tip');
    const r = el.getClientRects()[0] || el.getBoundingClientRect();
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    let top = r.bottom + 6;
    if (top + h > window.innerHeight - 4 && r.top - h - 6 > 0) top = r.top - h - 6;
    tip.style.top = top + 'px';
    tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - w - 4)) + 'px';
  };
  const hideTip = () => {
    if (shown) shown.removeAttribute('aria-describedby');
    shown = null;
    tip.hidden = true;
  };
  text.addEventListener('mouseover', (e) => {
    const el = marked(e.target);
    if (el && el !== shown) show(el);
  });
  text.addEventListener('mouseout', (e) => {
    if (shown && !(e.relatedTarget instanceof Node && shown.contains(e.relatedTarget))) hideTip();
  });
  text.addEventListener('focusin', (e) => show(marked(e.target)));
  text.addEventListener('focusout', hideTip);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTip(); });
  window.addEventListener('scroll', () => {
    if (!shown) return;
    if (shown.contains(document.activeElement)) show(shown);
    else hideTip();
  }, { passive: true });
})();
`;
