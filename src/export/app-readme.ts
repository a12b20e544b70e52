// The exported app's README.md, in the learner's language: how to run it on MongoDB Atlas and
// ImageKit, what the first errors mean, and how to run it offline against the playground's own
// database and storage. Hinglish as in the lesson texts: Hindi in Latin letters, the technical
// words in English.
import type { Language } from '../progress/progress-store.ts';

const english = (playground: string) => `# Songs app

Your songs app, written in lesson 08 of the Song backend playground: a page where you upload
a song (the file goes to ImageKit; its title, artist, mood and URL go to MongoDB), list the
songs by mood, play them, and delete them again.

- \`server.ts\` and \`src/\`: your code, as you wrote it.
- \`public/\`: the page.
- \`.env.example\`: every setting the app reads, without values. Your values go in \`.env\`,
  which \`.gitignore\` keeps out of git: it holds your secrets.
- \`package.json\`: the scripts, and the packages at the versions the playground's checks ran
  with; \`package-lock.json\` holds the versions of the packages they use in turn.
- \`tsconfig.json\`: TypeScript's settings. tsx runs the \`.ts\` files as they are: nothing is
  compiled.

## Run it on MongoDB Atlas and ImageKit

You need Node.js 20.19 or newer, and a free account at MongoDB Atlas and at ImageKit.

1. \`npm install\`
2. \`cp .env.example .env\` (on Windows: \`copy .env.example .env\`), then fill in \`.env\`:
   - **\`MONGODB_URI\`**, from MongoDB Atlas. Create a free cluster (M0); under _Database
     Access_, a database user with a password; under _Network Access_, your IP address
     (\`0.0.0.0/0\` lets in the whole internet: only for throwaway data). Then _Connect_ →
     _Drivers_ shows a string like
     \`mongodb+srv://<user>:<password>@<cluster-host>/?retryWrites=true&w=majority\`. Put your
     user's password in it, and a database name after the host (\`…mongodb.net/songs?…\`;
     without one, Mongoose uses \`test\`). A password with \`@\`, \`:\`, \`/\` or \`%\` in it must
     be percent-encoded (\`@\` is \`%40\`).
   - **\`IMAGEKIT_PUBLIC_KEY\`, \`IMAGEKIT_PRIVATE_KEY\`, \`IMAGEKIT_URL_ENDPOINT\`**, from
     ImageKit: _Dashboard_ → _Developer options_ → _API keys_ shows the public key
     (\`public_…\`), the private key (\`private_…\`) and the URL endpoint
     (\`https://ik.imagekit.io/your_id\`). The private key is a secret: in \`.env\` only, never
     in your code or your page.
   - Leave **\`IMAGEKIT_UPLOAD_ENDPOINT\`** out (or empty): the SDK then uses ImageKit's own
     address. It is only for the playground's local storage (below).
   - **\`PORT\`** may stay empty: the app listens on 3000 then.
3. \`npm start\`, and open http://localhost:3000. Ctrl-C stops it, through your own shutdown
   code. \`npm run dev\` restarts it on every save; \`npm run typecheck\` asks TypeScript.

### When it does not start

- **\`node: .env: not found\`**: make \`.env\` first (step 2).
- **A setting named as missing**: it is not in \`.env\`, or it is empty there.
- **\`authentication failed\`**: the user or the password in \`MONGODB_URI\` is wrong, or a
  special character in the password is not percent-encoded.
- **A server selection error after about 30 seconds**: Atlas does not let your computer in.
  Add your IP address under _Network Access_ (it changes when you change networks).
- **\`querySrv\` or \`ENOTFOUND\`**: a \`mongodb+srv://\` address is looked up in DNS, so it
  needs the internet.
- **Uploads fail with an authentication error**: check the three ImageKit values; the
  private key is the one that starts with \`private_\`.
- **A deleted song still plays for a while**: ImageKit's CDN serves its cached copy until
  the cache expires.

## Run it offline, on the playground's database and storage

No accounts needed: the playground you learned in (${playground}) has both.

1. In the playground's folder, in a terminal of its own: \`npm run -s db\`. It prints a line
   \`MONGODB_URI=mongodb://127.0.0.1:…\`: put it in this app's \`.env\`.
2. In the playground's folder, in another terminal: \`npm run -s storage\`. It prints
   \`export IMAGEKIT_…=…\` lines and an \`export NODE_OPTIONS=…\` line: put them all in
   \`.env\`, each without the word \`export\`. The \`NODE_OPTIONS\` line is for deleting: the
   ImageKit SDK always sends \`deleteFile\` to api.imagekit.io, and this line loads a small
   file of the playground's into your app that sends it to the local storage instead (Node
   reads \`NODE_OPTIONS\` from \`.env\` too).
3. \`npm start\` here.

Both run until you press Ctrl-C in their terminal, and forget everything then; at their next
start they have new addresses, so copy their lines again. Going to Atlas and ImageKit, take
the \`NODE_OPTIONS\` and \`IMAGEKIT_UPLOAD_ENDPOINT\` lines out of \`.env\`.
`;

const hinglish = (playground: string) => `# Songs app

Aapka songs app, jo aapne Song backend playground ke lesson 08 mein likha: ek page jahan aap
song upload karte hain (file ImageKit mein jaati hai; uska title, artist, mood aur URL
MongoDB mein), songs ko mood se dekhte hain, chalate hain, aur phir delete karte hain.

- \`server.ts\` aur \`src/\`: aapka code, jaisa aapne likha.
- \`public/\`: page.
- \`.env.example\`: har setting jo app padhta hai, bina values ke. Aapki values \`.env\` mein
  jaati hain, jise \`.gitignore\` git se bahar rakhta hai: usmein aapke secrets hain.
- \`package.json\`: scripts, aur packages unhi versions pe jinke saath playground ke checks
  chale; \`package-lock.json\` mein un packages ke apne packages ke versions hain.
- \`tsconfig.json\`: TypeScript ki settings. tsx \`.ts\` files ko jaisi hain waisi chalata hai:
  kuch compile nahi hota.

## MongoDB Atlas aur ImageKit pe chalaiye

Aapko Node.js 20.19 ya naya chahiye, aur MongoDB Atlas aur ImageKit pe ek-ek free account.

1. \`npm install\`
2. \`cp .env.example .env\` (Windows pe: \`copy .env.example .env\`), phir \`.env\` bhariye:
   - **\`MONGODB_URI\`**, MongoDB Atlas se. Ek free cluster (M0) banaiye; _Database Access_
     mein password ke saath ek database user; _Network Access_ mein apna IP address
     (\`0.0.0.0/0\` poore internet ko aane deta hai: sirf aise data ke liye jo kho bhi jaaye
     toh koi baat nahi). Phir _Connect_ → _Drivers_ aisi string dikhata hai:
     \`mongodb+srv://<user>:<password>@<cluster-host>/?retryWrites=true&w=majority\`. Usmein
     apne user ka password daaliye, aur host ke baad database ka naam (\`…mongodb.net/songs?…\`;
     uske bina Mongoose \`test\` use karta hai). Password mein \`@\`, \`:\`, \`/\` ya \`%\` ho, toh
     use percent-encode karna padta hai (\`@\` ban jaata hai \`%40\`).
   - **\`IMAGEKIT_PUBLIC_KEY\`, \`IMAGEKIT_PRIVATE_KEY\`, \`IMAGEKIT_URL_ENDPOINT\`**, ImageKit
     se: _Dashboard_ → _Developer options_ → _API keys_ mein public key (\`public_…\`), private
     key (\`private_…\`) aur URL endpoint (\`https://ik.imagekit.io/your_id\`) milte hain.
     Private key secret hai: sirf \`.env\` mein, kabhi code ya page mein nahi.
   - **\`IMAGEKIT_UPLOAD_ENDPOINT\`** mat likhiye (ya khaali chhodiye): tab SDK ImageKit ka apna
     address use karta hai. Yeh sirf playground ke local storage ke liye hai (neeche).
   - **\`PORT\`** khaali reh sakta hai: tab app 3000 pe listen karta hai.
3. \`npm start\`, aur http://localhost:3000 kholiye. Ctrl-C use band karta hai, aapke apne
   shutdown code se. \`npm run dev\` har save pe restart karta hai; \`npm run typecheck\`
   TypeScript se poochta hai.

### Jab start na ho

- **\`node: .env: not found\`**: pehle \`.env\` banaiye (step 2).
- **Kisi setting ka naam, missing bata ke**: woh \`.env\` mein nahi hai, ya wahan khaali hai.
- **\`authentication failed\`**: \`MONGODB_URI\` mein user ya password galat hai, ya password
  ka koi special character percent-encode nahi hua.
- **Lagbhag 30 second baad server selection error**: Atlas aapke computer ko andar nahi aane
  deta. _Network Access_ mein apna IP address daaliye (network badalne pe woh badalta hai).
- **\`querySrv\` ya \`ENOTFOUND\`**: \`mongodb+srv://\` address DNS mein dhoondha jaata hai,
  isliye usko internet chahiye.
- **Upload authentication error se fail**: teeno ImageKit values dekhiye; private key woh
  hai jo \`private_\` se shuru hoti hai.
- **Delete hua song thodi der aur chalta hai**: ImageKit ka CDN apni cached copy tab tak
  deta hai jab tak cache expire na ho.

## Offline chalaiye, playground ke database aur storage pe

Koi account nahi chahiye: jis playground mein aapne seekha (${playground}), usmein dono hain.

1. Playground ke folder mein, ek alag terminal mein: \`npm run -s db\`. Woh ek line print
   karta hai \`MONGODB_URI=mongodb://127.0.0.1:…\`: use is app ki \`.env\` mein daaliye.
2. Playground ke folder mein, doosre terminal mein: \`npm run -s storage\`. Woh
   \`export IMAGEKIT_…=…\` lines aur ek \`export NODE_OPTIONS=…\` line print karta hai: sab
   \`.env\` mein daaliye, \`export\` shabd ke bina. \`NODE_OPTIONS\` wali line delete ke liye
   hai: ImageKit SDK \`deleteFile\` hamesha api.imagekit.io ko bhejta hai, aur yeh line
   playground ki ek chhoti file aapke app mein load karti hai jo use local storage ko bhej
   deti hai (Node \`NODE_OPTIONS\` ko \`.env\` se bhi padhta hai).
3. Yahan \`npm start\`.

Dono tab tak chalte hain jab tak aap unke terminal mein Ctrl-C na dabaayein, aur tab sab
bhool jaate hain; agli baar start hone pe unke address naye hote hain, isliye unki lines
phir se copy kijiye. Atlas aur ImageKit pe jaate waqt \`NODE_OPTIONS\` aur
\`IMAGEKIT_UPLOAD_ENDPOINT\` wali lines \`.env\` se hata dijiye.
`;

/** The exported app's README.md in `language`; `playground` is the playground's folder, named in its offline part. */
export function appReadme(language: Language, playground: string): string {
  return language === 'hinglish' ? hinglish(playground) : english(playground);
}
