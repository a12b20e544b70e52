// TODO: export async function connectDB(): await mongoose.connect(env.mongodbUri), then log that it is connected.
//       export async function disconnectDB(): await mongoose.disconnect(), for server.ts to call when it stops.
