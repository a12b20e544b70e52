// TODO: Start your app here, in this order:
//   1. connect to the database: await connectDB() from ./src/db/db.ts (no request before the database is there)
//   2. listen: const server = app.listen(env.port, …), with app from ./src/app.ts and env from ./src/config/env.ts
//   3. on 'SIGTERM' and 'SIGINT': close the server, close the database connection, then process.exit(0)
// Write the files under src/ first (lesson 08, "Your exercise"). Try it with `npm run lesson -- run 08`,
// check it with `npm run lesson -- check 08`.
