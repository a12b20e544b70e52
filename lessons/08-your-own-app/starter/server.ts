// TODO: Start your app here, in this order:
//   1. connect to the database: await connectDB() from ./src/db/db.ts (no request before the database is there)
//   2. listen: const server = app.listen(env.port, …), with app from ./src/app.ts and env from ./src/config/env.ts
//   3. on 'SIGTERM' and 'SIGINT': close the server, close the database connection, then process.exit(0)
// Write the files under src/ first (lesson 08, "Your exercise"). Try it with `npm run lesson -- run 08`,
// check it with `npm run lesson -- check 08`.
// Hinglish: Apna app yahan start kijiye, isi order mein:
//   1. database se connect kijiye: ./src/db/db.ts se await connectDB() (database ke aane se pehle koi
//      request nahi)
//   2. listen: const server = app.listen(env.port, …), app ./src/app.ts se aur env ./src/config/env.ts se
//   3. 'SIGTERM' aur 'SIGINT' pe: server band kijiye, database connection band kijiye, phir process.exit(0)
// Pehle src/ ke andar ki files likhiye (lesson 08, "Aapki exercise"). Isko `npm run lesson -- run 08` se
// try kijiye, aur `npm run lesson -- check 08` se check kijiye.
