// TODO: export async function connectDB(): await mongoose.connect(env.mongodbUri), then log that it is connected.
//       export async function disconnectDB(): await mongoose.disconnect(), for server.ts to call when it stops.
// Hinglish: export async function connectDB(): await mongoose.connect(env.mongodbUri), phir log kijiye ki
//           connect ho gaya.
//           export async function disconnectDB(): await mongoose.disconnect(), jise server.ts rukte waqt
//           call karega.
