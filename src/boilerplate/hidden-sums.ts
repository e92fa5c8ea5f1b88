// The furniture model's hidden-layer sums in WebAssembly, two units per SIMD lane pair: the same
// products added in the same order as the JavaScript loop (b1[u], then + W1[u][j] * z[j] for
// j = 0, 1, ...), each lane rounded on its own (f64x2.mul and f64x2.add are IEEE double mul and
// add, never fused), so every sum, and every probability, is the same number. Twice as fast as
// the loop in JavaScript (which was a quarter of the boilerplate stage); tanh and the output
// stay in JavaScript (Math.tanh, Math.exp), as before.
//
// The module, in the text format:
//   (func (export "sums") (param $z $d $w $b $out $groups i32) (local $zp $j $g i32) (local $a0 $a1 $a2 $a3 $x v128)
//     (loop $group                                  ;; eight units: four pairs, four sums in flight
//       (local.set $a0 (v128.load offset=0 (local.get $b))) ... (local.set $a3 (v128.load offset=48 (local.get $b)))
//       (local.set $zp (local.get $z)) (local.set $j (i32.const 0))
//       (loop $input
//         (local.set $x (f64x2.splat (f64.load (local.get $zp))))
//         (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load offset=0 (local.get $w)) (local.get $x)))) ... $a3 at 48
//         $w += 64, $zp += 8, (br_if $input (i32.lt_s (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $d))))
//       (v128.store offset=0 (local.get $out) (local.get $a0)) ... $a3 at 48
//       $b += 64, $out += 64, (br_if $group (i32.lt_s (local.tee $g (i32.add (local.get $g) (i32.const 1))) (local.get $groups)))))
//   with the memory imported as "m" "memory".

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

const [Z, D, W, B, OUT, GROUPS, ZP, J, G, A0, A1, A2, A3, X] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const tee = (i: number): number[] => [0x22, i];
const i32 = (n: number): number[] => [0x41, ...leb(n)]; // small non-negative constants: their signed LEB is the unsigned one when below 64
const step = (local: number, by: number): number[] => [...get(local), ...(by < 64 ? i32(by) : [0x41, 0xc0, 0x00]), 0x6a, ...set(local)];
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const vload = (offset: number): number[] => [...simd(0), 3, ...leb(offset)];
const vstore = (offset: number): number[] => [...simd(11), 3, ...leb(offset)];
const SPLAT = simd(20);
const ADD = simd(240);
const MUL = simd(242);
const SUMS = [A0, A1, A2, A3];
const countTo = (counter: number, limit: number): number[] => [...get(counter), ...i32(1), 0x6a, ...tee(counter), ...get(limit), 0x48, 0x0d, 0];

const body = [
  ...vec([[3, 0x7f], [5, 0x7b]]),
  0x03, 0x40,
  ...SUMS.flatMap((a, k) => [...get(B), ...vload(16 * k), ...set(a)]),
  ...get(Z), ...set(ZP), ...i32(0), ...set(J),
  0x03, 0x40,
  ...get(ZP), 0x2b, 3, 0, ...SPLAT, ...set(X),
  ...SUMS.flatMap((a, k) => [...get(a), ...get(W), ...vload(16 * k), ...get(X), ...MUL, ...ADD, ...set(a)]),
  ...step(W, 64), ...step(ZP, 8), ...countTo(J, D),
  0x0b,
  ...SUMS.flatMap((a, k) => [...get(OUT), ...get(a), ...vstore(16 * k)]),
  ...step(B, 64), ...step(OUT, 64), ...countTo(G, GROUPS),
  0x0b,
  0x0b,
];

const module = new WebAssembly.Module(new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[0x7f], [0x7f], [0x7f], [0x7f], [0x7f], [0x7f]]), 0]])),
  ...section(2, vec([[...name('m'), ...name('memory'), 0x02, 0x00, 1]])),
  ...section(3, vec([[0]])),
  ...section(7, vec([[...name('sums'), 0x00, 0]])),
  ...section(10, vec([[...leb(body.length), ...body]])),
]));

/** Units per group: the module sums eight at a time; a network's last group is padded with zero weights. */
const GROUP = 8;

/** One network's hidden layer: write the standardized inputs into `z`, call `run`, read the sums from `sums`. */
export interface HiddenLayer {
  z: Float64Array;
  sums: Float64Array;
  run(): void;
}

/** `W1`: hidden x inputs, row-major; `b1`: per unit. */
export function hiddenLayer(inputs: number, hidden: number, W1: ArrayLike<number>, b1: ArrayLike<number>): HiddenLayer {
  const groups = Math.max(1, Math.ceil(hidden / GROUP));
  const units = groups * GROUP;
  // Memory, in doubles: z, b, the sums, then W grouped so the loop reads it in order (per group,
  // per input, the group's eight units).
  const zAt = 0, bAt = inputs + (inputs & 1), sumsAt = bAt + units, wAt = sumsAt + units;
  const bytes = (wAt + units * inputs) * 8;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) || 1 });
  const heap = new Float64Array(memory.buffer);
  for (let u = 0; u < hidden; u++) heap[bAt + u] = b1[u] ?? 0;
  for (let g = 0; g < groups; g++) for (let j = 0; j < inputs; j++) for (let q = 0; q < GROUP; q++) {
    const u = g * GROUP + q;
    heap[wAt + (g * inputs + j) * GROUP + q] = u < hidden ? (W1[u * inputs + j] ?? 0) : 0;
  }
  const { sums } = new WebAssembly.Instance(module, { m: { memory } }).exports as { sums: (z: number, d: number, w: number, b: number, out: number, groups: number) => void };
  return {
    z: heap.subarray(zAt, zAt + inputs),
    sums: heap.subarray(sumsAt, sumsAt + hidden),
    run: inputs > 0 ? () => sums(zAt * 8, inputs, wAt * 8, bAt * 8, sumsAt * 8, groups) : () => { heap.copyWithin(sumsAt, bAt, bAt + hidden); },
  };
}
