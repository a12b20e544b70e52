// TODO: export const app = express(), without listening (server.ts does that), with in this order:
//   - express.json()
//   - the page: express.static(…) of the public/ folder, found from THIS file's folder (import.meta.dirname), not the working folder
//   - songRoutes mounted at /api/songs
//   - last, an error handler (four arguments: error, req, res, next) that answers every error in JSON:
//     a ValidationError 400 { ok: false, errors }, a multer error 400, a storage error 502, anything else 500
