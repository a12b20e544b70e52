// TODO: export const app = express(), without listening (server.ts does that), with in this order:
//   - express.json()
//   - the page: express.static(…) of the public/ folder, found from THIS file's folder (import.meta.dirname), not the working folder
//   - songRoutes mounted at /api/songs
//   - last, an error handler (four arguments: error, req, res, next) that answers every error in JSON:
//     a ValidationError 400 { ok: false, errors }, a multer error 400, a storage error 502, anything else 500
// Hinglish: export const app = express(), listen kiye bina (woh kaam server.ts karta hai), aur isi order mein:
//   - express.json()
//   - page: public/ folder ka express.static(…); folder ko IS file ke folder se dhoondhiye
//     (import.meta.dirname), working folder se nahi
//   - songRoutes, /api/songs pe mount kiya hua
//   - sabse aakhir mein ek error handler (chaar arguments: error, req, res, next) jo har error ka answer
//     JSON mein de: ValidationError pe 400 { ok: false, errors }, multer error pe 400, storage error pe 502,
//     baaki sab pe 500
