// Yes/no questions before something that cannot be undone (reset) or spoils the exercise
// (the solution). The cursor starts on No; Ctrl-C and Esc mean no as well.
import { confirm, isCancel } from '@clack/prompts';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';
import { screenStreams, type ScreenStreams } from './screen-streams.ts';

/** Asks `question` on the screen, its answers in `language`; true only when the learner answers yes. */
export async function askYesNo(
  question: string,
  streams: Partial<ScreenStreams> = {},
  language: Language = 'en',
): Promise<boolean> {
  const { yes, no } = menuWords(language);
  const answer = await confirm({
    message: question,
    initialValue: false,
    active: yes,
    inactive: no,
    ...screenStreams(streams),
  });
  return !isCancel(answer) && answer === true;
}
