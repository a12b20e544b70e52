// Yes/no questions before something that cannot be undone (reset) or spoils the exercise
// (the solution). The cursor starts on No; Ctrl-C and Esc mean no as well.
import { confirm, isCancel } from '@clack/prompts';
import { screenStreams, type ScreenStreams } from './screen-streams.ts';

/** Asks `question` on the screen; true only when the learner answers yes. */
export async function askYesNo(question: string, streams: Partial<ScreenStreams> = {}): Promise<boolean> {
  const answer = await confirm({ message: question, initialValue: false, ...screenStreams(streams) });
  return !isCancel(answer) && answer === true;
}
