// The one list of lessons. The runner, the tests and the honesty check all read it.
// Adding a lesson = adding its folder (see README, "Adding a lesson") and an entry here.

/** A deliberately wrong version of an exercise, kept in lessons/<slug>/mistakes/<folder>/. */
export interface KnownMistake {
  /** Folder name under lessons/<slug>/mistakes/. */
  folder: string;
  /** The mistake in a learner's words, for instructors. */
  what: string;
  /** Words the check's explanation must contain when the tests run against this mistake. */
  explains: string;
}

export interface LessonEntry {
  /** Two digits: "02". */
  number: string;
  /** Folder name used in lessons/, playground/, solutions/ and tests/. */
  slug: string;
  title: string;
  titleHinglish: string;
  /** The files the learner edits, relative to playground/<slug>/. */
  exerciseFiles: string[];
  mistakes: KnownMistake[];
}

export const lessons: LessonEntry[] = [
  {
    number: '02',
    slug: '02-schema',
    title: 'Schema: the design of your data',
    titleHinglish: 'Schema: aapke data ka design',
    exerciseFiles: ['song.schema.ts'],
    mistakes: [],
  },
];
