// explainCheck on results made by hand: what a beginner reads for each kind of outcome.
import { describe, expect, it } from 'vitest';
import { explainCheck, type CheckResult, type TestOutcome } from '../../src/check/index.ts';
import { aboutMistake } from '../../src/check/common-mistakes.ts';
import { failureDetail } from '../../src/check/error-text.ts';
import { findLesson } from '../../src/lessons/catalog.ts';
import { said } from '../support/said.ts';

const request = { testFile: 'tests/engine/fixtures/passing/check.fixture.ts' };
const failedTest = (title: string, note: string, extra: Partial<TestOutcome['failure']> = {}): TestOutcome => ({
  path: ['POST /api/songs'],
  title,
  state: 'failed',
  failure: { message: `${note}: expected 1 to be 2`, note, name: 'AssertionError', ...extra },
});
const result = (parts: Partial<CheckResult>): CheckResult => ({
  request,
  name: 'hand-made',
  passed: false,
  tests: [],
  ...parts,
});

describe('explainCheck', () => {
  it('points a lesson to its next hint', () => {
    const lesson = findLesson('02');
    if (!lesson) throw new Error('lesson 02 is in the manifest');
    const text = explainCheck(
      result({ request: { lesson }, tests: [failedTest('saves the song', 'Nothing was saved')] }),
    );
    expect(text).toContain('npm run lesson -- hint 02');
  });

  it('gives no praise to a pass that TypeScript disagrees with', () => {
    const passing = { path: [], title: 'saves the song', state: 'passed' } as const satisfies TestOutcome;
    const issue = {
      file: '/x/song.ts',
      line: 3,
      code: 2322,
      message: "Type 'number' is not assignable to type 'string'.",
    };
    expect(explainCheck(result({ passed: true, tests: [passing] }))).toContain('Well done!');
    const disagreed = explainCheck(result({ passed: true, tests: [passing], typeIssues: [issue] }));
    expect(disagreed).toContain('TypeScript disagrees');
    expect(disagreed).not.toContain('Well done!');
  });

  it('shortens long expected and actual values of a check without its own words', () => {
    const long = 'x'.repeat(5000);
    const text = explainCheck(
      result({
        tests: [failedTest('saves the song', 'Wrong body', { note: undefined, expected: long, actual: long })],
      }),
    );
    expect(text.length).toBeLessThan(1000);
    expect(text).toContain('(4800 more characters)');
  });

  it('lets a check that says what went wrong speak alone: no expected and got values beside it', () => {
    const text = explainCheck(
      result({ tests: [failedTest('saves the song', 'Nothing was saved', { expected: '1', actual: '0' })] }),
    );
    expect(text).toContain('The check says: Nothing was saved');
    expect(text).not.toMatch(/Expected:|Got:/);
  });

  it("never cuts a check's own words short", () => {
    const note = `The song has no url. ${'Upload first, then save. '.repeat(20)}`;
    const text = explainCheck(result({ tests: [failedTest('saves the song', note)] }));
    expect(text).toContain(note.trim());
  });

  it('groups other failures that fail for the same reason', () => {
    const tests = ['lists songs', 'filters by mood', 'finds one song'].map((title) =>
      failedTest(title, 'nothing answers at /api/songs'),
    );
    const text = explainCheck(result({ tests: [failedTest('saves', 'first reason'), ...tests] }));
    expect(text.match(/nothing answers at \/api\/songs/g)).toHaveLength(1);
    for (const title of ['lists songs', 'filters by mood', 'finds one song']) expect(text).toContain(title);
  });

  it('says once that requests found no route, instead of each check asking for a different status', () => {
    const notFound = '{"ok":false,"error":"Nothing answers POST /api/songs in this app."}';
    const text = explainCheck(
      result({
        tests: [
          failedTest('serves the page', 'GET / answered 404: the page is not served'),
          failedTest('refuses a song without a file', `POST /api/songs without a file answered 404 ${notFound}.`),
          failedTest('refuses a song without an artist', `A song without an artist answered 404 ${notFound}, not 400.`),
          failedTest('lists nothing yet', 'GET /api/songs answered 500'),
        ],
      }),
    );
    expect(text).toContain(
      `"refuses a song without a file" (POST /api/songs), "refuses a song without an artist" (POST /api/songs): each got 404 ${notFound}: nothing in your app answers at the address they call`,
    );
    expect(text).not.toContain('not 400');
    expect(text).toContain('"lists nothing yet" (POST /api/songs): GET /api/songs answered 500');
  });

  it("says the advice of checks that reached no route once, as lesson 04's starter gets it", () => {
    const advice = "No route answered: write songRoutes.get('/') in routes/songs.routes.ts.";
    const noRoute = (title: string, request: string, status: number) =>
      failedTest(title, `${request} reached no route (the app's own 404), where it should answer ${status}. ${advice}`);
    const tests = [
      noRoute('lists songs', 'GET /api/songs', 200),
      noRoute('finds one', 'GET /api/songs/1', 200),
      noRoute('knows no such id', 'GET /api/songs/2 (an id no song has)', 404),
      noRoute('saves one', 'POST /api/songs', 201),
    ];
    const text = explainCheck(result({ tests }));
    expect(text.split(advice)).toHaveLength(3); // under the first to fix, and once for the other three
    expect(text).toContain(
      `"finds one" (POST /api/songs), "knows no such id" (POST /api/songs), "saves one" (POST /api/songs): each reached no route (the app's own 404). ${advice}`,
    );
    const hinglish = explainCheck(result({ tests }), undefined, 'command line', 'hinglish');
    expect(hinglish).toContain(`kisi ko bhi route nahi mila (app ka apna 404). ${advice}`);
  });

  it('says the advice of checks that reached no route in Hinglish when the learner reads Hinglish', () => {
    const advice = {
      english: "No route answered: write songRoutes.get('/') in routes/songs.routes.ts.",
      hinglish: "Kisi route ne answer nahi diya: routes/songs.routes.ts mein songRoutes.get('/') likhiye.",
    };
    const noRoute = (title: string, request: string, status: number) =>
      failedTest(
        title,
        said(
          `${request} reached no route (the app's own 404), where it should answer ${status}. ${advice.english}`,
          `${request} kisi route tak pahuncha hi nahi (app ka apna 404), jabki use ${status} answer karna chahiye tha. ${advice.hinglish}`,
        ),
      );
    const tests = [
      noRoute('lists songs', 'GET /api/songs', 200),
      noRoute('finds one', 'GET /api/songs/1', 200),
      noRoute('saves one', 'POST /api/songs', 201),
    ];
    const hinglish = explainCheck(result({ tests }), undefined, 'command line', 'hinglish');
    expect(hinglish).toContain(`kisi ko bhi route nahi mila (app ka apna 404). ${advice.hinglish}`);
    expect(hinglish).not.toContain(advice.english);
    expect(explainCheck(result({ tests }))).toContain(`each reached no route (the app's own 404). ${advice.english}`);
  });

  it("says where an exercise file went missing in the learner's language, and the way back where they read it", () => {
    const lesson = findLesson('02');
    if (!lesson) throw new Error('lesson 02 is in the manifest');
    const message =
      'ExerciseFileMissing: The exercise file playground/02-schema/song.schema.ts is a folder, not a file. ' +
      'Run npm run lesson -- reset 02 to get a fresh copy of the starter (it asks first).';
    const missing = result({ request: { lesson }, problem: { kind: 'load-error', message } });
    expect(explainCheck(missing, lesson, 'command line')).toContain(
      'The exercise file playground/02-schema/song.schema.ts is a folder, not a file. Run npm run lesson -- reset 02',
    );
    const menu = explainCheck(missing, lesson, 'menu', 'hinglish');
    expect(menu).toContain('Exercise file playground/02-schema/song.schema.ts file nahi, ek folder hai.');
    expect(menu).toContain('lesson menu mein "Exercise reset kijiye" chuniye');
    expect(menu).not.toContain('npm run lesson -- reset');
  });

  it('says a save starts the check again only in watch', () => {
    const failing = result({
      problem: { kind: 'load-error', message: 'SyntaxError: Unexpected token', location: 'lessons/02/song.ts:3:1' },
    });
    expect(explainCheck(failing, undefined, 'watch')).toMatch(/Save/);
    expect(explainCheck(failing, undefined, 'command line')).not.toMatch(/Save, and the check runs again/);
  });

  it("repeats the lesson's own warning when the error is one its common mistakes quote, in the learner's language", () => {
    const lesson = findLesson('02');
    if (!lesson) throw new Error('lesson 02 is in the manifest');
    const loadError = result({
      request: { lesson },
      problem: {
        kind: 'load-error',
        message: 'ReferenceError: string is not defined',
        location: 'playground/02-schema/song.schema.ts:4:18',
      },
    });
    expect(explainCheck(loadError, lesson, 'command line', 'en')).toContain(
      'string instead of String. Inside a schema you write the JavaScript constructor String, with a capital S.',
    );
    expect(explainCheck(loadError, lesson, 'command line', 'hinglish')).toContain(
      'String ki jagah string. Schema ke andar JavaScript ka constructor String likhte hain',
    );
  });

  it("shows the app's own crash under a failed request, and the lesson's warning about that error", () => {
    const lesson = findLesson('01');
    if (!lesson) throw new Error('lesson 01 is in the manifest');
    const crashed = failedTest('answers 201 with the record', 'POST /api/files answered 500', {
      serverError: {
        message: 'While answering POST /api/files, your app threw TypeError: source.on is not a function',
        location: 'playground/01-storage-vs-database/save-upload.ts:40:35',
      },
    });
    const text = explainCheck(result({ request: { lesson }, tests: [crashed] }));
    expect(text).toContain(
      'Your app hit an error on the way: While answering POST /api/files, your app threw TypeError: source.on is not a function\n' +
        '  Where: playground/01-storage-vs-database/save-upload.ts:40:35',
    );
    expect(text).toContain('imagekit.upload({ file: file.buffer, fileName: file.originalname })');
  });

  it('names the first failure fully and only a few others', () => {
    const tests = Array.from({ length: 8 }, (_, index) => failedTest(`check ${index + 1}`, `message ${index + 1}`));
    const text = explainCheck(result({ tests }));
    expect(text).toMatch(/^Not yet: all 8 checks fail\./);
    expect(text).toContain('First to fix: "check 1" (POST /api/songs)\n  The check says: message 1');
    expect(text).toContain('"check 5" (POST /api/songs): message 5');
    expect(text).not.toContain('check 6');
    expect(text).toContain('…and 3 more');
  });

  it('counts the checks that did not run in the total, and says why they did not', () => {
    const waitsNote = 'the browser checks run once every check above passes: the page calls the same API';
    const waits = (title: string): TestOutcome => ({
      path: ['the page, in a browser'],
      title,
      state: 'skipped',
      skipNote: waitsNote,
    });
    const tests = [failedTest('saves the song', 'Nothing was saved'), waits('plays a song'), waits('deletes one')];
    const text = explainCheck(result({ tests }));
    expect(text).toMatch(/^Not yet: 1 of 3 checks fail, and 2 did not run this time\.\nWhy those 2 did not run:\n/);
    expect(text).toContain(`  - ${waitsNote}\n`);
    expect(text.split(waitsNote)).toHaveLength(2);
    const hinglish = explainCheck(result({ tests }), undefined, 'command line', 'hinglish');
    expect(hinglish).toMatch(/^Abhi nahi: 3 mein se 1 check fail ho raha hai, aur 2 is baar chale hi nahi\./);
  });

  it("quotes the lesson's own warning about an error the code threw, in Hinglish from the Hinglish section", () => {
    const lesson = findLesson('02')!;
    const failed = failedTest('saves the song', '', {
      note: undefined,
      name: 'ReferenceError',
      message: 'string is not defined',
    });
    expect(explainCheck(result({ request: { lesson }, tests: [failed] }), lesson)).toContain(
      'The lesson warns about exactly this, under "Common mistakes":',
    );
    const hinglish = explainCheck(result({ request: { lesson }, tests: [failed] }), lesson, 'command line', 'hinglish');
    expect(hinglish).toContain('Lesson apne "Aam galtiyaan" section mein bilkul isi ke baare mein batata hai:');
    expect(hinglish).toContain('Chhota s likha toh file wahin ruk jaati hai');
  });

  it('quotes the bullet the check names, not the first one whose code its advice quotes (lesson 05, resolve(error))', () => {
    const lesson = findLesson('05')!;
    const advice =
      'The upload failed, yet your promise resolved with {}. Call reject(error), so `await uploadFile()` throws.';
    const detail = failureDetail({
      name: 'AssertionError',
      message: aboutMistake(advice, 'resolve(error)'),
      frames: [],
    });
    expect(detail).toMatchObject({ message: advice, mistake: 'resolve(error)' });
    const named = result({ request: { lesson }, tests: [{ ...failedTest('rejects', ''), failure: detail }] });
    const text = explainCheck(named, lesson);
    expect(text).toContain('resolve(error). The failure arrives as a "success" holding an error object');
    expect(text).not.toContain('Forgetting resolve');
    expect(explainCheck(named, lesson, 'command line', 'hinglish')).toContain(
      'resolve(error). Failure ek "success" ban ke aata hai',
    );
    // Advice alone names no mistake: its code (`await uploadFile()`) is in the "Forgetting resolve" bullet too.
    const unnamed = result({
      request: { lesson },
      tests: [{ ...failedTest('rejects', ''), failure: { ...detail, mistake: undefined } }],
    });
    expect(explainCheck(unnamed, lesson)).not.toContain('Common mistakes');
  });

  it('names or counts every failing check, so they add up to the count of checks to go', () => {
    const sameAsFirst = ['a', 'b', 'c'].map((title) => failedTest(title, 'saveUpload() is not written yet'));
    const others = ['d', 'e', 'f', 'g', 'h', 'i'].map((title) => failedTest(title, `reason ${title}`));
    const tests = [...sameAsFirst, ...others, failedTest('j', 'reason i')];
    const text = explainCheck(result({ tests }));
    expect(text).toMatch(/^Not yet: all 10 checks fail\./);
    expect(text).toContain('For the same reason, 2 more checks fail: "b" (POST /api/songs), "c" (POST /api/songs)');
    expect(text).toContain('…and 3 more.'); // "h", and "i" with "j": checks, not groups of them
    const many = explainCheck(
      result({ tests: ['a', 'b', 'c', 'd', 'e', 'f'].map((title) => failedTest(title, 'same')) }),
    );
    expect(many).toMatch(/^ {2}For the same reason, 5 more checks fail\.$/m); // too many to name
    const hinglish = explainCheck(result({ tests: tests.slice(0, 2) }), undefined, 'command line', 'hinglish');
    expect(hinglish).toContain('Isi wajah se ek aur check fail ho raha hai: "b" (POST /api/songs)');
  });

  it('counts what already passes', () => {
    const passed: TestOutcome = { path: [], title: 'lists songs', state: 'passed' };
    expect(explainCheck(result({ tests: [passed, failedTest('saves', 'nope')] }))).toMatch(
      /^Getting there: 1 of 2 checks pass, 1 to go\./,
    );
  });

  it('explains a test that waited forever as a promise that never settles', () => {
    const timedOut = failedTest('answers 201', 'x', {
      note: undefined,
      message: 'Test timed out in 10000ms.',
      timedOut: true,
    });
    expect(explainCheck(result({ tests: [timedOut] }))).toContain('A promise that never settles?');
  });

  it('mentions an error thrown outside the checks after the failures', () => {
    const strayError = {
      kind: 'unhandled-error' as const,
      message: 'Storage is down for a moment.',
      location: 'playground/05-upload/upload.ts:12:9',
    };
    const text = explainCheck(result({ tests: [failedTest('saves', 'nope')], strayError }));
    expect(text).toContain('outside the checks');
    expect(text).toContain('Storage is down for a moment.\n  Where: playground/05-upload/upload.ts:12:9');
  });

  it('does not blame the learner for a setup that failed', () => {
    const text = explainCheck(
      result({ problem: { kind: 'setup-error', message: 'Error: the database did not start' } }),
    );
    expect(text).toContain('most likely not your code');
  });

  describe('a check that speaks both languages', () => {
    const note = said(
      'This upload should succeed, but your promise rejected',
      'Yeh upload ho jaana chahiye tha, par aapka promise reject ho gaya',
    );
    const other = said('GET / answered 404', 'GET / ka jawab 404 aaya');
    const tests: TestOutcome[] = [
      {
        ...failedTest(said('uploads the file', 'file upload karta hai'), note),
        path: [said('uploadFile(file)', 'uploadFile(file) ka kaam')],
      },
      failedTest(said('serves the page', 'page dikhata hai'), other),
      failedTest(said('serves the script', 'script dikhata hai'), other),
      {
        path: [],
        title: said('plays a song', 'gaana bajata hai'),
        state: 'skipped',
        skipNote: said(
          'the browser checks run once every check above passes',
          'browser checks tabhi chalte hain jab upar ke saare checks pass ho jaayein',
        ),
      },
    ];
    const english = (text: string) => text.replace(/ ⟦[^⟧]*⟧/g, '');
    const inEnglish = tests.map((test) => ({
      ...test,
      title: english(test.title),
      path: test.path.map(english),
      ...(test.skipNote ? { skipNote: english(test.skipNote) } : {}),
      ...(test.failure
        ? { failure: { ...test.failure, note: english(test.failure.note!), message: english(test.failure.message) } }
        : {}),
    }));

    it('reads in English exactly as a check written in English alone', () => {
      expect(explainCheck(result({ tests }))).toBe(explainCheck(result({ tests: inEnglish })));
    });

    it("says the test's sentence, its describe, its message, the others' reason and the skip note in Hinglish only", () => {
      const text = explainCheck(result({ tests }), undefined, 'command line', 'hinglish');
      expect(text).toContain('"file upload karta hai" (uploadFile(file) ka kaam)');
      expect(text).toContain('Yeh upload ho jaana chahiye tha, par aapka promise reject ho gaya');
      expect(text).toContain(
        '"page dikhata hai" (POST /api/songs), "script dikhata hai" (POST /api/songs): GET / ka jawab 404 aaya',
      );
      expect(text).toContain('  - browser checks tabhi chalte hain jab upar ke saare checks pass ho jaayein');
      expect(text).not.toMatch(/upload should|answered|serves|once every|⟦|⟧/);
    });

    it("says in Hinglish what the app threw while answering, beside the check's reason", () => {
      const serverError = {
        message: said(
          'While answering POST /api/files, your app threw TypeError: x is not a function',
          'POST /api/files ka jawab dete hue aapke app ne error throw kiya: TypeError: x is not a function',
        ),
      };
      const crashed = failedTest(said('saves', 'save karta hai'), other, { serverError });
      const text = explainCheck(result({ tests: [crashed, crashed] }), undefined, 'command line', 'hinglish');
      expect(text).toContain('aapke app ne error throw kiya: TypeError: x is not a function');
      expect(text).not.toContain('While answering');
    });

    it("leaves a starter's own Hinglish out of an English verdict, and keeps it in a Hinglish one", () => {
      const thrown =
        'createSong() is not written yet, so "X" was not saved (Hinglish: createSong() abhi likha nahi gaya hai, isliye "X" save nahi hua).';
      const note = said(`Saving threw: ${thrown}`, `Save karte hue error aaya: ${thrown}`);
      const tests = [failedTest(said('saves', 'save karta hai'), note)];
      const english = explainCheck(result({ tests }));
      expect(english).toContain('Saving threw: createSong() is not written yet, so "X" was not saved.');
      expect(english).not.toContain('Hinglish');
      expect(explainCheck(result({ tests }), undefined, 'command line', 'hinglish')).toContain(
        '(Hinglish: createSong() abhi likha nahi gaya hai, isliye "X" save nahi hua).',
      );
    });

    it('says in Hinglish which check was under way when a run was stopped', () => {
      const during = {
        path: [said('POST /api/songs', 'POST /api/songs')],
        title: said('saves the song', 'gaana save karta hai'),
      };
      const text = explainCheck(
        result({ problem: { kind: 'waiting', message: '' }, during }),
        undefined,
        'command line',
        'hinglish',
      );
      expect(text).toContain('"gaana save karta hai" (POST /api/songs)');
      expect(text).not.toContain('saves the song');
    });
  });
});
