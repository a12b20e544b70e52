// Given with lesson 07: the page's side of the songs app. You do not need to edit it.
// It only calls the API your routes answer, with fetch():
//   POST /api/songs (a form, the file in "audio")   GET /api/songs?mood=…   DELETE /api/songs/:id
// Hinglish: Lesson 07 ke saath diya gaya page ka code. Ise aapko edit nahi karna hai. Yeh fetch() se sirf wahi
//   API call karta hai jiska answer aapke routes dete hain (upar ke teen requests).
const list = document.querySelector('#songs');
const listStatus = document.querySelector('#list-status');
const form = document.querySelector('#upload');
const uploadStatus = document.querySelector('#upload-status');
const moodButtons = document.querySelectorAll('#moods button');
let mood = ''; // '' shows every song

/** Sends a request and reads its JSON answer; a failure becomes an Error with the server's own words. */
async function callApi(method, path, body) {
  let response;
  try {
    response = await fetch(path, { method, body });
  } catch {
    throw new Error('The app does not answer: is it still running?');
  }
  const answer = await response.json().catch(() => undefined);
  // The routes' upload form (multer) takes files up to 25 MB, the storage's own limit.
  if (response.status === 413) throw new Error('That file is too large: the app takes audio files up to 25 MB.');
  if (!response.ok) {
    // A song that breaks the schema gets one message per field; anything else one error.
    const problem = answer?.errors ? Object.values(answer.errors).join(' ') : answer?.error;
    throw new Error(problem ?? `${method} ${path} answered ${response.status}.`);
  }
  return answer;
}

/** One song in the list: its facts, a player, where its file lives, and a delete button. */
function songItem(song) {
  const item = document.createElement('li');
  item.dataset.id = song._id;

  const facts = document.createElement('p');
  const title = document.createElement('strong');
  title.textContent = song.title;
  const mood = document.createElement('span');
  mood.className = 'mood';
  mood.textContent = song.mood;
  facts.append(title, ` · ${song.artist} `, mood);

  // The browser fetches the audio straight from storage: MongoDB only holds its URL.
  const audio = document.createElement('audio');
  audio.controls = true;
  audio.preload = 'metadata';
  audio.src = song.audio;
  audio.setAttribute('aria-label', `${song.title} by ${song.artist}`);

  const where = document.createElement('a');
  where.className = 'stored-at';
  where.href = song.audio;
  where.textContent = `file in storage: ${new URL(song.audio).host}`;

  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'delete';
  remove.textContent = 'Delete';
  remove.setAttribute('aria-label', `Delete ${song.title}`);
  remove.addEventListener('click', () => deleteSong(song, remove));

  item.append(facts, audio, where, remove);
  return item;
}

/** Loads the list again; `done` (what was just done, like "Deleted …") is said above it. */
async function showSongs(done = '') {
  try {
    const query = mood ? `?mood=${encodeURIComponent(mood)}` : '';
    const { songs } = await callApi('GET', `/api/songs${query}`);
    list.replaceChildren(...songs.map(songItem));
    const empty = songs.length ? '' : mood ? `No ${mood} songs yet.` : 'No songs yet: add the first one.';
    listStatus.textContent = [done, empty].filter(Boolean).join(' ');
  } catch (error) {
    list.replaceChildren();
    listStatus.textContent = error.message;
  }
}

async function deleteSong(song, button) {
  const place = [...list.children].indexOf(button.closest('li'));
  button.disabled = true;
  uploadStatus.textContent = ''; // an older "Saved …" is not about this
  try {
    await callApi('DELETE', `/api/songs/${song._id}`);
    await showSongs(`Deleted "${song.title}".`);
    // The button is gone: keyboard focus goes to the song now in its place, or to the message.
    const next = list.children[Math.min(place, list.children.length - 1)];
    (next?.querySelector('button.delete') ?? listStatus).focus();
  } catch (error) {
    button.disabled = false;
    listStatus.textContent = error.message;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault(); // send it with fetch, and stay on this page
  const submit = form.querySelector('button[type="submit"]');
  submit.disabled = true;
  uploadStatus.textContent = 'Uploading…';
  try {
    // FormData sends the form as multipart/form-data: the file under "audio", each field under its name.
    const { song } = await callApi('POST', '/api/songs', new FormData(form));
    uploadStatus.textContent = `Saved "${song.title}".`;
    form.reset();
    await showSongs();
  } catch (error) {
    uploadStatus.textContent = error.message;
  } finally {
    submit.disabled = false;
    // Disabled while sending, the button lost the keyboard's focus: give it back.
    submit.focus();
  }
});

for (const button of moodButtons) {
  button.addEventListener('click', async () => {
    mood = button.dataset.mood;
    uploadStatus.textContent = '';
    for (const other of moodButtons) other.setAttribute('aria-pressed', String(other === button));
    await showSongs();
  });
}

await showSongs();
