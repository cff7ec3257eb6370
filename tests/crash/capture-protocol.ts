// Messages between the crash test and the capture process it kills.

export interface CaptureCall {
  seq: number;
  channel: string;
  input: unknown;
}

export type FromCaptureProcess =
  | { kind: 'ready' }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'ack'; seq: number; value: unknown }
  | { kind: 'refused'; seq: number; code: string; message: string };
