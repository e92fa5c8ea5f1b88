// What crosses Redis: a job's input and its result, as the structured clone of the worker
// threads (node:v8 serialize: typed arrays, Maps and all), in base64 so BullMQ can keep it in its
// JSON job data. The same values a worker thread gets, so the output cannot depend on the route.
import v8 from 'node:v8';

export function encode(value: unknown): string {
  return v8.serialize(value).toString('base64');
}

export function decode<T>(text: string): T {
  return v8.deserialize(Buffer.from(text, 'base64')) as T;
}

/** For values kept in Redis as bytes of their own (the run's context). */
export function encodeBytes(value: unknown): Buffer {
  return v8.serialize(value);
}

export function decodeBytes<T>(bytes: Buffer): T {
  return v8.deserialize(bytes) as T;
}
