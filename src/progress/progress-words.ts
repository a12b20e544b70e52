// What the progress store tells the learner about their progress file, in both languages: a
// file deleted or changed outside the playground, or one that cannot be progress and is set aside.
export const progressWords = {
  en: {
    missing: (file: string, backup: string) =>
      `Your progress file (${file}) was deleted, so the playground uses the progress it saved last (${backup}); to start over instead, delete both files.`,
    changed: (file: string) =>
      `Your progress file (${file}) was changed outside the playground, so the playground keeps the progress it saved last.`,
    unreadable: 'could not be read',
    tooBig: (megabytes: string) => `is ${megabytes} MB, far more than progress ever takes`,
    setAside: (file: string, why: string, kept: string) =>
      `Your progress file (${file}) ${why}, so you start fresh (it is kept as ${kept}); your exercise files are untouched.`,
    notMoved: (file: string, why: string) =>
      `Your progress file (${file}) ${why}, so you start fresh (it could not be moved aside, so progress is not saved until it is fixed or removed); your exercise files are untouched.`,
  },
  hinglish: {
    missing: (file: string, backup: string) =>
      `Aapki progress file (${file}) delete ho gayi thi, isliye playground apni last saved progress (${backup}) use kar raha hai; shuru se karna ho to dono files delete kijiye.`,
    changed: (file: string) =>
      `Aapki progress file (${file}) playground ke bahar se badli gayi thi, isliye playground apni last saved progress hi rakh raha hai.`,
    unreadable: 'padhi nahi ja saki',
    setAside: (file: string, why: string, kept: string) =>
      `Aapki progress file (${file}) ${why}, isliye aap shuru se start kar rahe hain (purani file ${kept} naam se rakhi hai); aapki exercise files ko kuch nahi hua.`,
    notMoved: (file: string, why: string) =>
      `Aapki progress file (${file}) ${why}, isliye aap shuru se start kar rahe hain (use hataya nahi ja saka, isliye jab tak aap use theek nahi karte ya hatate nahi, progress save nahi hogi); aapki exercise files ko kuch nahi hua.`,
  },
};
