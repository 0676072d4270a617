/**
 * The shapes of the HTTP API's panel answers, shared by the server (which builds them) and
 * the explorer (which imports these types only).
 */

export interface Health {
  mode: 'neo4j' | 'embedded';
  location: string;
  cypher: boolean;
}

export interface EvidenceView {
  start: number;
  end: number;
  text: string;
}

export interface ReadoutView {
  id: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  published: string | null;
  /** The date this source gives the call. */
  date: string | null;
  /** The sentences the call was read from, with their offsets into the readout's text. */
  evidence: EvidenceView[];
  /** A window of the readout around the evidence; `offset` is where it starts in the text. */
  excerpt: { text: string; offset: number } | null;
}

export interface CallView {
  id: string;
  date: string | null;
  dates: string[];
  mode: string;
  participants: Array<{ id: string; name: string; state: string | null; initiator: boolean }>;
  themes: string[];
  subjects: string[];
  readouts: ReadoutView[];
}

export interface LeaderView {
  id: string;
  name: string;
  state: string | null;
  role: string | null;
  verified: boolean;
  leader: boolean;
  offices: Array<{
    polity: string;
    polityName: string;
    role: string;
    from: string | null;
    to: string | null;
  }>;
  /** Counterparts and calls inside `window` (all of them when the window is open on both sides). */
  counterparts: Array<{ id: string; name: string; state: string | null; calls: number }>;
  calls: CallView[];
  /** The date window the calls were chosen by; undated calls fall outside any closed window. */
  window: DateWindow;
  /** Calls of all time, so a panel can say "12 of 340". */
  allCalls: number;
}

export interface DateWindow {
  from: string | null;
  to: string | null;
}

export interface PairView {
  a: string;
  b: string;
  calls: CallView[];
  window: DateWindow;
  allCalls: number;
}
