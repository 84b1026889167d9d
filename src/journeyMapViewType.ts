// The view type of the journey map custom editor, in a module of its own so
// that code naming it does not load the editor itself.
export const VIEW_TYPE = 'journeyDesigner.map';
