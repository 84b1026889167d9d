// The id of "Journey: Publish Journey", in a module of its own so that the
// web extension can name the command without loading the Node-only publisher.
export const PUBLISH_COMMAND = 'journeyDesigner.publish';
